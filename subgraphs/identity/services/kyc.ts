import { z } from 'zod';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../../platform/errors';
import { requireRole, requireViewer } from '../../../platform/auth/access';
import { isUuid } from '../../../platform/loaders';
import type { PrismaClient } from '../../../platform/prisma';
import type { KycSubmission, Profile } from '../../../platform/prisma/generated/client';
import type { IdentityContext } from '../context';
import type { KycDecision, KycInput } from '../generated/resolvers-types';
import { recordSecurityEvent } from './audit';
import { maskAadhaar, maskPan, normalizeAadhaar, PAN_PATTERN } from './kycDocuments';
import { seal } from './sealing';
import { parseInput } from './validation';

const DAY_MS = 86_400_000;
/** An unreviewed application lapses; a verification lasts KYC_VALIDITY_DAYS (config), then re-KYC. */
const PENDING_LIFETIME_MS = 30 * DAY_MS;
const EXPIRY_BATCH = 500;

const kycInputSchema = z.object({
  pan: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.string().regex(PAN_PATTERN, 'must be a PAN such as ABCPE1234F')),
  aadhaar: z.string().transform((value, issue) => {
    const digits = normalizeAadhaar(value);
    if (!digits) issue.addIssue({ code: 'custom', message: 'must be a valid 12-digit Aadhaar number' });
    return digits ?? '';
  }),
});

/** 0-100, higher is riskier; a reviewer's aid, not a decision. */
export function kycRiskScore(pan: string, profile: Profile | null, now = Date.now()): number {
  let score = 10;
  if (pan[3] !== 'P') score += 20; // not an individual's PAN
  if (!profile?.dateOfBirth) score += 20;
  else if ((now - profile.dateOfBirth.getTime()) / (365.25 * DAY_MS) < 21) score += 15;
  if (!profile?.investmentExperience || profile.investmentExperience === 'NONE') score += 15;
  if (profile?.riskTolerance === 'HIGH' && profile.investmentHorizon === 'SHORT') score += 20;
  return Math.min(100, score);
}

/**
 * PENDING and VERIFIED applications past their date become EXPIRED (and so does the user's status,
 * which the access token's `kyc` claim carries from the next refresh). Each one is audited and
 * announced through the outbox (KYC_EXPIRED on identity.security). Run by the expiry job
 * (kycExpiryJob.ts) and before anything reads or decides KYC, so a late job never shows stale data.
 */
export async function expireLapsedKyc(prisma: PrismaClient, correlationId: string): Promise<number> {
  let expired = 0;
  for (;;) {
    const batch = await expireBatch(prisma, correlationId);
    expired += batch.expired;
    if (batch.seen < EXPIRY_BATCH) return expired;
  }
}

async function expireBatch(prisma: PrismaClient, correlationId: string) {
  const lapsed = await prisma.kycSubmission.findMany({
    where: { status: { in: ['PENDING', 'VERIFIED'] }, expiresAt: { lte: new Date() } },
    orderBy: { expiresAt: 'asc' },
    take: EXPIRY_BATCH,
  });
  let expired = 0;
  for (const submission of lapsed) {
    await prisma.$transaction(async (tx) => {
      const changed = await tx.kycSubmission.updateMany({
        where: { id: submission.id, status: submission.status },
        data: { status: 'EXPIRED' },
      });
      if (changed.count === 0) return;
      expired += 1;
      await tx.user.update({ where: { id: submission.userId }, data: { kycStatus: 'EXPIRED' } });
      await recordSecurityEvent(tx, {
        type: 'KYC_EXPIRED',
        userId: submission.userId,
        client: null,
        details: { submissionId: submission.id, was: submission.status },
        correlationId,
      });
    });
  }
  return { seen: lapsed.length, expired };
}

export async function submitKyc(ctx: IdentityContext, raw: KycInput, panKey: Buffer): Promise<KycSubmission> {
  const viewer = requireViewer(ctx.viewer);
  const input = parseInput(kycInputSchema, raw);
  const { masked, last4 } = maskAadhaar(input.aadhaar);
  await expireLapsedKyc(ctx.prisma, ctx.correlationId);
  return ctx.prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM identity."user" WHERE id = $1::uuid FOR UPDATE`, viewer.userId);
    const open = await tx.kycSubmission.findFirst({
      where: { userId: viewer.userId, status: { in: ['PENDING', 'VERIFIED'] } },
    });
    if (open) throw new ConflictError(`KYC is already ${open.status.toLowerCase()}`, { status: open.status });
    const profile = await tx.profile.findUnique({ where: { userId: viewer.userId } });
    const submission = await tx.kycSubmission.create({
      data: {
        userId: viewer.userId,
        panSealed: seal(panKey, input.pan),
        panMasked: maskPan(input.pan),
        aadhaarMasked: masked,
        aadhaarLast4: last4,
        riskScore: kycRiskScore(input.pan, profile),
        expiresAt: new Date(Date.now() + PENDING_LIFETIME_MS),
      },
    });
    await tx.user.update({ where: { id: viewer.userId }, data: { kycStatus: 'PENDING' } });
    await recordSecurityEvent(tx, {
      type: 'KYC_SUBMITTED',
      userId: viewer.userId,
      client: ctx.client,
      details: { submissionId: submission.id, riskScore: submission.riskScore },
      correlationId: ctx.correlationId,
    });
    return submission;
  });
}

export async function kycReviewQueue(ctx: IdentityContext, first: number): Promise<KycSubmission[]> {
  requireRole(ctx.viewer, 'SUPPORT', 'ADMIN');
  if (first < 1 || first > 100) throw new BadUserInputError('first must be between 1 and 100', 'first');
  await expireLapsedKyc(ctx.prisma, ctx.correlationId);
  return ctx.prisma.kycSubmission.findMany({
    where: { status: 'PENDING' },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    take: first,
  });
}

export async function reviewKyc(
  ctx: IdentityContext,
  id: string,
  decision: KycDecision,
  reason: string | null | undefined,
  validityDays: number,
): Promise<KycSubmission> {
  const reviewer = requireRole(ctx.viewer, 'SUPPORT', 'ADMIN');
  if (!isUuid(id)) throw new NotFoundError('KycSubmission', id);
  const rejectionReason = reason?.trim() || null;
  if (decision === 'REJECTED' && !rejectionReason) {
    throw new BadUserInputError('A rejection needs a reason the applicant can act on', 'reason');
  }
  await expireLapsedKyc(ctx.prisma, ctx.correlationId);
  return ctx.prisma.$transaction(async (tx) => {
    const submission = await tx.kycSubmission.findUnique({ where: { id } });
    if (!submission) throw new NotFoundError('KycSubmission', id);
    if (submission.userId === reviewer.userId) throw new ForbiddenError('Nobody reviews their own KYC');
    // The status condition makes two reviewers deciding at once safe: the second finds nothing to change.
    const changed = await tx.kycSubmission.updateMany({
      where: { id, status: 'PENDING' },
      data: {
        status: decision,
        reviewedAt: new Date(),
        reviewerId: reviewer.userId,
        rejectionReason: decision === 'REJECTED' ? rejectionReason : null,
        ...(decision === 'VERIFIED' ? { expiresAt: new Date(Date.now() + validityDays * DAY_MS) } : {}),
      },
    });
    if (changed.count === 0) throw new ConflictError(`KYC application is ${submission.status}, not PENDING`);
    await tx.user.update({ where: { id: submission.userId }, data: { kycStatus: decision } });
    await recordSecurityEvent(tx, {
      type: decision === 'VERIFIED' ? 'KYC_VERIFIED' : 'KYC_REJECTED',
      userId: submission.userId,
      actorId: reviewer.userId,
      client: ctx.client,
      details: { submissionId: id },
      correlationId: ctx.correlationId,
    });
    return tx.kycSubmission.findUniqueOrThrow({ where: { id } });
  });
}
