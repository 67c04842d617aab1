// Identity's demo history for the admin dashboard: four weeks of sign-ups with a mix of roles and KYC
// in every status (with their applications, so the review queue has work). Fixed ids, create-only
// upserts: running the seed again changes nothing. These accounts cannot sign in (no password hash).
import type { PrismaClient } from '../../platform/prisma';
import type { KycStatus, Role } from '../../platform/prisma/generated/enums';
import { maskPan } from '../../subgraphs/identity/services/kycDocuments';

const DAY_MS = 86_400_000;
export const HISTORY_USERS = 28;
const KYC_CYCLE: KycStatus[] = ['NONE', 'PENDING', 'VERIFIED', 'NONE', 'REJECTED', 'VERIFIED', 'EXPIRED'];
const FIRST_NAMES = ['Aarav', 'Diya', 'Ishaan', 'Meera', 'Kabir', 'Anika', 'Reyansh', 'Saanvi', 'Vihaan'];

const LIFETIME_DAYS: Record<KycStatus, number> = {
  NONE: 0,
  PENDING: 30,
  VERIFIED: 365,
  REJECTED: 365,
  EXPIRED: 1,
};

export const historyUserId = (i: number) => `a2000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
const submissionId = (i: number) => `a3000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;

/** Sign-up time of history user i: spread over the 28 days before `now`, some days busier. */
export const historySignedUpAt = (i: number, now: Date) =>
  new Date(now.getTime() - (HISTORY_USERS - i) * DAY_MS + ((i * 5) % 11) * 3_600_000);

const demoPan = (i: number) => `ABCP${String.fromCharCode(65 + (i % 26))}${String(1000 + i).slice(-4)}K`;

function rolesOf(i: number): Role[] {
  if (i % 9 === 4) return ['INSTRUCTOR'];
  return i % 3 === 0 ? ['LEARNER', 'TRADER'] : ['LEARNER'];
}

export async function seedIdentityHistory(prisma: PrismaClient, now: Date): Promise<number> {
  for (let i = 0; i < HISTORY_USERS; i += 1) {
    const id = historyUserId(i);
    const createdAt = historySignedUpAt(i, now);
    const kycStatus = KYC_CYCLE[i % KYC_CYCLE.length]!;
    const email = `learner-${String(i + 1).padStart(2, '0')}@demo.test`;
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${String.fromCharCode(65 + (i % 26))}.`;
    await prisma.user.upsert({
      where: { id },
      // '!' matches no hash format: the password check fails for every input.
      create: {
        id,
        email,
        emailNormalized: email,
        name,
        passwordHash: '!',
        roles: rolesOf(i),
        kycStatus,
        createdAt,
        isDemo: true,
      },
      update: { isDemo: true },
    });
    await prisma.userTier.upsert({ where: { userId: id }, create: { userId: id, tier: 'FREE' }, update: {} });
    if (kycStatus === 'NONE') continue;
    const submittedAt = new Date(createdAt.getTime() + 2 * 3_600_000);
    const decided = kycStatus !== 'PENDING';
    await prisma.kycSubmission.upsert({
      where: { id: submissionId(i) },
      create: {
        id: submissionId(i),
        userId: id,
        status: kycStatus,
        // The seed has no data key: identity seals this plaintext at start-up (services/panSealing.ts).
        pan: demoPan(i),
        panMasked: maskPan(demoPan(i)),
        aadhaarMasked: `XXXX-XXXX-${String(2000 + i)}`,
        aadhaarLast4: String(2000 + i),
        riskScore: 10 + ((i * 13) % 70),
        submittedAt,
        reviewedAt: decided ? new Date(submittedAt.getTime() + DAY_MS) : null,
        rejectionReason:
          kycStatus === 'REJECTED' ? 'The PAN does not match the name on the application' : null,
        // As the service sets it: 30 days to review, a year once decided; EXPIRED ones lapsed already.
        expiresAt: new Date(submittedAt.getTime() + LIFETIME_DAYS[kycStatus] * DAY_MS),
      },
      update: {},
    });
  }
  return HISTORY_USERS;
}
