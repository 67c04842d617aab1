import { randomUUID } from 'node:crypto';
import { type Stack } from '../../gateway/stack';
import { seed } from '../../prisma/seed';
import { demoUserIds } from '../../prisma/seed/data';
import { verhoeffValid } from '../../subgraphs/identity/services/kycDocuments';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { expectData, loginHeaders, postGraphQL } from '../support/graphqlClient';
import { startTestStack } from '../support/testStack';

// Issue 16's production defaults and access rule through the gateway, on real PostgreSQL, Redis and
// Kafka: PANs sealed (the seed's plaintext ones at identity's start-up), shown masked, revealed only
// to staff with an audit row; another user's row answers NOT_FOUND like a missing id.
const PAN = 'ABCPE1234F';

function aadhaarNumber(): string {
  const body = `9${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  return body + [...'0123456789'].find((digit) => verhoeffValid(body + digit))!;
}

describe('production defaults end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The seed writes its demo KYC applications with plaintext PANs, as an older version did.
    await seed(db.prisma, { demoAccounts: true });
    stack = await startTestStack(db, 'production-defaults-e2e');
    url = stack.gatewayUrl;
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  it('seals the plaintext PANs it finds when identity starts', async () => {
    expect(await db.prisma.kycSubmission.count()).toBeGreaterThan(0);
    expect(await db.prisma.kycSubmission.count({ where: { pan: { not: null } } })).toBe(0);
    expect(await db.prisma.kycSubmission.count({ where: { panSealed: null } })).toBe(0);
  });

  it('shows a PAN masked and reveals it to staff only, audited', async () => {
    const premium = await loginHeaders(url, 'premium@demo.test');
    await expectData(
      url,
      `mutation($input: KycInput!) { submitKyc(input: $input) { id } }`,
      { input: { pan: PAN, aadhaar: aadhaarNumber() } },
      premium,
    );
    const mine = await expectData<{ me: { kyc: { panMasked: string } } }>(
      url,
      '{ me { kyc { panMasked } } }',
      {},
      premium,
    );
    expect(mine.me.kyc.panMasked).toBe('XXXXX1234X');

    const REVEAL = `mutation($userId: ID!) { revealPan(userId: $userId) }`;
    const byOwner = await postGraphQL(url, REVEAL, { userId: demoUserIds.premium }, premium);
    expect(byOwner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const support = await loginHeaders(url, 'support@demo.test');
    const revealed = await expectData<{ revealPan: string }>(
      url,
      REVEAL,
      { userId: demoUserIds.premium },
      support,
    );
    expect(revealed.revealPan).toBe(PAN);
    const audit = await db.prisma.securityEvent.findMany({
      where: { type: 'PAN_REVEALED', userId: demoUserIds.premium },
    });
    expect(audit.map((row) => row.actorId)).toEqual([demoUserIds.support]);
  });

  it("answers NOT_FOUND for another user's row by id, like a missing id", async () => {
    const premium = await loginHeaders(url, 'premium@demo.test');
    const created = await expectData<{ createPriceAlert: { id: string } }>(
      url,
      `mutation { createPriceAlert(input: { symbol: "BTC-USDT", direction: ABOVE, price: "900000.00" }) { id } }`,
      {},
      premium,
    );
    const ALERT = `query($id: ID!) { priceAlert(id: $id) { id } }`;
    const enterprise = await loginHeaders(url, 'enterprise@demo.test');
    const foreign = await postGraphQL(url, ALERT, { id: created.createPriceAlert.id }, enterprise);
    const missing = await postGraphQL(url, ALERT, { id: randomUUID() }, enterprise);
    expect([foreign.errors?.[0]?.extensions?.code, missing.errors?.[0]?.extensions?.code]).toEqual([
      'NOT_FOUND',
      'NOT_FOUND',
    ]);
    expect(foreign.data).toEqual({ priceAlert: null });
  });
});
