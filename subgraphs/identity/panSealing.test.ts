import { randomUUID } from 'node:crypto';
import { verhoeffValid } from './services/kycDocuments';
import { codeOf, createUser, startIdentity, viewer, type IdentityHarness } from './testHarness';

const PAN = 'ABCPE1234F';
const SUBMIT = `mutation($input: KycInput!) { submitKyc(input: $input) { id panMasked } }`;
const KYC = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { kyc { panMasked } } } }`;
const REVEAL = `mutation($userId: ID!) { revealPan(userId: $userId) }`;

function aadhaarNumber(): string {
  const body = `9${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  return body + [...'0123456789'].find((digit) => verhoeffValid(body + digit))!;
}

let identity: IdentityHarness;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(async () => {
  await identity?.stop();
});

describe('PAN at rest and through the API', () => {
  const applicant = viewer('LEARNER');

  beforeAll(async () => {
    await identity.createUser(applicant);
    const submitted = await identity.run(
      SUBMIT,
      { input: { pan: PAN, aadhaar: aadhaarNumber() } },
      applicant,
    );
    expect(submitted.errors).toBeUndefined();
  });

  it('is stored sealed, never as the PAN', async () => {
    const [row] = await identity.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      'SELECT * FROM identity.kyc_submission WHERE user_id = $1::uuid',
      applicant.userId,
    );
    expect(row!.pan).toBeNull();
    expect(row!.pan_masked).toBe('XXXXX1234X');
    expect(typeof row!.pan_sealed).toBe('string');
    // No column holds the PAN, whole or in its letters.
    expect(JSON.stringify(row)).not.toContain(PAN);
    expect(JSON.stringify(row)).not.toContain('ABCPE');
  });

  it('is shown masked to its owner and to staff', async () => {
    const r = [{ __typename: 'User', id: applicant.userId }];
    for (const as of [applicant, viewer('SUPPORT')]) {
      expect(await identity.run(KYC, { r }, as)).toEqual({
        data: { _entities: [{ kyc: { panMasked: 'XXXXX1234X' } }] },
      });
    }
  });

  it('is revealed to SUPPORT and ADMIN only, each reveal audited with who, whom and when', async () => {
    expect(codeOf(await identity.run(REVEAL, { userId: applicant.userId }, applicant))).toBe('FORBIDDEN');
    expect(codeOf(await identity.run(REVEAL, { userId: applicant.userId }, viewer('TRADER')))).toBe(
      'FORBIDDEN',
    );
    expect(await identity.prisma.securityEvent.count({ where: { type: 'PAN_REVEALED' } })).toBe(0);

    const support = viewer('SUPPORT');
    const before = Date.now();
    expect(await identity.run(REVEAL, { userId: applicant.userId }, support)).toEqual({
      data: { revealPan: PAN },
    });
    const audit = await identity.prisma.securityEvent.findFirstOrThrow({ where: { type: 'PAN_REVEALED' } });
    expect(audit).toMatchObject({ userId: applicant.userId, actorId: support.userId });
    expect(audit.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    const announced = await identity.prisma.identityOutboxEvent.count({
      where: { topic: 'identity.security', type: 'PAN_REVEALED' },
    });
    expect(announced).toBe(1);

    expect(await identity.run(REVEAL, { userId: applicant.userId }, viewer('ADMIN'))).toEqual({
      data: { revealPan: PAN },
    });
    expect(codeOf(await identity.run(REVEAL, { userId: randomUUID() }, support))).toBe('NOT_FOUND');
  });
});

describe('PANs stored in plaintext before sealing', () => {
  const legacy = viewer('LEARNER');
  let restarted: IdentityHarness;
  beforeAll(async () => {
    restarted = await startIdentity({
      // As migration 20261202180000_kyc_pan_sealed leaves an older version's row.
      beforeStart: async (prisma) => {
        await createUser(prisma, legacy);
        await prisma.$executeRawUnsafe(
          `INSERT INTO identity.kyc_submission (id, user_id, pan, pan_masked, aadhaar_masked, aadhaar_last4,
             risk_score, expires_at) VALUES ($1::uuid, $2::uuid, 'ZZZPZ9876Z', 'XXXXX9876X', 'XXXX-XXXX-1111',
             '1111', 10, now() + interval '1 day')`,
          randomUUID(),
          legacy.userId,
        );
      },
    });
  });
  afterAll(async () => {
    await restarted?.stop();
  });

  it('are sealed and cleared when identity starts, and still revealable', async () => {
    const row = await restarted.prisma.kycSubmission.findFirstOrThrow({ where: { userId: legacy.userId } });
    expect(row.pan).toBeNull();
    expect(row.panSealed).toEqual(expect.any(String));
    expect(row.panSealed).not.toContain('ZZZPZ9876Z');
    expect(await restarted.run(REVEAL, { userId: legacy.userId }, viewer('ADMIN'))).toEqual({
      data: { revealPan: 'ZZZPZ9876Z' },
    });
  });
});
