import { randomUUID } from 'node:crypto';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { codeOf, viewer, type Result } from '../../test/support/subgraphTest';
import type { Viewer } from '../../platform/auth/viewer';
import { createBillingSubgraph } from './server';
import { memoryInfrastructure } from '../../test/support/memoryInfrastructure';

// The one rule of platform/auth/access: another user's order asked for by id answers NOT_FOUND (it
// used to answer null), exactly like a missing id; admins may see billing rows.
const ORDER = `query($id: ID!) { order(id: $id) { id status } }`;

let db: TestDatabase;
let billing: ReturnType<typeof createBillingSubgraph>;
beforeAll(async () => {
  db = await createTestDatabase();
  const logger = createLogger({ name: 'test', level: 'silent' });
  const infra = memoryInfrastructure(db.prisma, logger);
  billing = createBillingSubgraph({
    infra,
    logger,
    gatewaySecret: 'x'.repeat(32),
    // Never called: reading an order is a database read only.
    billing: {
      razorpay: { baseUrl: 'http://127.0.0.1:9', keyId: 'rzp_test_x', keySecret: 'k', webhookSecret: 'w' },
    },
  });
  await billing.server.apollo.start();
});
afterAll(async () => {
  await billing?.server.apollo.stop();
  await db?.drop();
});

async function run(query: string, variables: Record<string, unknown>, as: Viewer | null) {
  const contextValue = billing.server.testContext(as);
  const response = await billing.server.apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result<{ order: { id: string; status: string } | null }>;
}

describe('another user’s billing order', () => {
  it('answers NOT_FOUND by id, the same as a missing id; the owner and admins see it', async () => {
    const owner = viewer('LEARNER');
    const order = await db.prisma.paymentOrder.create({
      data: {
        userId: owner.userId,
        purpose: 'COURSE',
        courseId: randomUUID(),
        amountMinor: 49_900n,
        razorpayOrderId: `order_${randomUUID().slice(0, 8)}`,
        idempotencyKey: randomUUID(),
        requestHash: 'h',
        placeOfSupply: '29',
      },
    });
    const stranger = viewer('LEARNER');
    const foreign = await run(ORDER, { id: order.id }, stranger);
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(foreign.data).toEqual({ order: null });
    expect(codeOf(await run(ORDER, { id: randomUUID() }, stranger))).toBe('NOT_FOUND');

    const shown = { order: { id: order.id, status: 'CREATED' } };
    expect((await run(ORDER, { id: order.id }, owner)).data).toEqual(shown);
    expect((await run(ORDER, { id: order.id }, viewer('ADMIN'))).data).toEqual(shown);
  });
});
