import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../platform/events/envelope';
import { Topics, type UserRegisteredPayload } from '../../platform/events/topics';
import { PORTFOLIO_OPENING_CONSUMER } from './events';
import { createTradingLoaders } from './loaders';
import { STARTING_CASH_MINOR } from './services/portfolios';
import { codeOf, startTrading, viewer, type Data, type TradingHarness } from './testHarness';
import { TradingTopics } from './topics';

const alice = viewer('TRADER');
const bob = viewer('TRADER');
const admin = viewer('ADMIN');
let trading: TradingHarness;

const registered = (userId: string, id = randomUUID()): EventEnvelope<UserRegisteredPayload> => ({
  id,
  topic: Topics.userRegistered,
  key: userId,
  type: 'UserRegistered',
  payload: { userId, email: `${userId}@example.com`, name: null },
  correlationId: 'c-1',
  occurredAt: new Date().toISOString(),
});
const consumer = () => trading.subgraph.consumers[0]!;

const PORTFOLIO_FIELDS = `id owner { id } cash { amount currency } positions { instrument { id } quantity averagePrice }`;
const MY = `{ myPortfolio { ${PORTFOLIO_FIELDS} } }`;
const RESET = `mutation { resetPaperPortfolio { ${PORTFOLIO_FIELDS} } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on User { id portfolio { id cash { amount } } } ... on Portfolio { id owner { id } } } }`;

beforeAll(async () => {
  trading = await startTrading();
});

afterAll(async () => {
  await trading?.stop();
});

describe('portfolio opening on UserRegistered', () => {
  it('opens one portfolio with the starting cash, however often the event is delivered', async () => {
    const event = registered(alice.userId);
    await consumer().handle(event);
    await consumer().handle(event);
    // A different delivery id for the same user (e.g. a replayed topic) must not open a second one either.
    await consumer().handle(registered(alice.userId));
    const portfolios = await trading.prisma.portfolio.findMany({ where: { userId: alice.userId } });
    expect(STARTING_CASH_MINOR).toBe(100_000_000n);
    expect(portfolios).toEqual([
      expect.objectContaining({ currency: 'INR', cashMinor: STARTING_CASH_MINOR }),
    ]);
    const inbox = await trading.prisma.$queryRawUnsafe<{ consumer: string }[]>(
      'SELECT consumer FROM trading.inbox_event WHERE event_id = $1::uuid',
      event.id,
    );
    expect(inbox).toEqual([{ consumer: PORTFOLIO_OPENING_CONSUMER }]);
  });
});

describe('reading portfolios', () => {
  it('gives the viewer their portfolio as Money, and anonymous callers null', async () => {
    const mine = await trading.run(MY, {}, alice);
    expect(mine.data!.myPortfolio).toMatchObject({
      owner: { id: alice.userId },
      cash: { amount: '1000000.00', currency: 'INR' },
      positions: [],
    });
    expect(await trading.run(MY)).toEqual({ data: { myPortfolio: null } });
    expect(await trading.run(MY, {}, bob)).toEqual({ data: { myPortfolio: null } });
  });

  it('resolves User.portfolio for the user themself and admins, NOT_FOUND for others', async () => {
    const r = [{ __typename: 'User', id: alice.userId }];
    const own = await trading.run(ENTITIES, { r }, alice);
    expect(own.data!._entities).toEqual([
      { id: alice.userId, portfolio: { id: expect.any(String), cash: { amount: '1000000.00' } } },
    ]);
    expect((await trading.run(ENTITIES, { r }, admin)).data).toEqual(own.data);
    expect(codeOf(await trading.run(ENTITIES, { r }, bob))).toBe('NOT_FOUND');
    expect(codeOf(await trading.run(ENTITIES, { r }, null))).toBe('UNAUTHENTICATED');
  });

  it('resolves Portfolio references only for the owner or an admin', async () => {
    const portfolio = await trading.prisma.portfolio.findUniqueOrThrow({ where: { userId: alice.userId } });
    const r = [
      { __typename: 'Portfolio', id: portfolio.id },
      { __typename: 'Portfolio', id: randomUUID() },
    ];
    const expected = [{ id: portfolio.id, owner: { id: alice.userId } }, null];
    expect((await trading.run(ENTITIES, { r }, alice)).data!._entities).toEqual(expected);
    expect((await trading.run(ENTITIES, { r }, admin)).data!._entities).toEqual(expected);
    expect(codeOf(await trading.run(ENTITIES, { r }, bob))).toBe('NOT_FOUND');
  });
});

describe('Mutation.resetPaperPortfolio', () => {
  const outbox = () =>
    trading.prisma.$queryRawUnsafe<{ topic: string; key: string; type: string; payload: Data }[]>(
      'SELECT topic, key, type, payload FROM trading.outbox_event ORDER BY sequence',
    );

  it('needs a viewer', async () => {
    expect(codeOf(await trading.run(RESET))).toBe('UNAUTHENTICATED');
  });

  it('closes every position and restores the starting cash, with an outbox event', async () => {
    const portfolio = await trading.prisma.portfolio.update({
      where: { userId: alice.userId },
      data: { cashMinor: 12_345n },
    });
    const instrumentId = randomUUID();
    await trading.prisma.position.create({
      data: { portfolioId: portfolio.id, instrumentId, quantity: '0.00000001', averagePrice: '2999.5' },
    });
    const before = await trading.run(MY, {}, alice);
    expect(before.data!.myPortfolio).toMatchObject({
      cash: { amount: '123.45' },
      positions: [{ instrument: { id: instrumentId }, quantity: '0.00000001', averagePrice: '2999.5' }],
    });

    const reset = await trading.run(RESET, {}, alice);
    expect(reset.errors).toBeUndefined();
    expect(reset.data!.resetPaperPortfolio).toEqual({
      id: portfolio.id,
      owner: { id: alice.userId },
      cash: { amount: '1000000.00', currency: 'INR' },
      positions: [],
    });
    expect(await trading.prisma.position.count({ where: { portfolioId: portfolio.id } })).toBe(0);
    expect(await outbox()).toEqual([
      {
        topic: TradingTopics.portfolioReset,
        key: portfolio.id,
        type: 'PortfolioReset',
        payload: { portfolioId: portfolio.id, userId: alice.userId },
      },
    ]);
  });

  it('opens the portfolio of a user who has none yet', async () => {
    const reset = await trading.run<{ resetPaperPortfolio: { id: string } }>(RESET, {}, bob);
    expect(reset.data!.resetPaperPortfolio).toMatchObject({
      owner: { id: bob.userId },
      cash: { amount: '1000000.00' },
    });
    expect(await trading.prisma.portfolio.count({ where: { userId: bob.userId } })).toBe(1);
    expect((await outbox()).at(-1)!.key).toBe(reset.data!.resetPaperPortfolio.id);
  });
});

describe('loaders', () => {
  it('answer in key order with null or [] for keys that match nothing', async () => {
    const loaders = createTradingLoaders(trading.prisma, null);
    const a = await trading.prisma.portfolio.findUniqueOrThrow({ where: { userId: alice.userId } });
    const b = await trading.prisma.portfolio.findUniqueOrThrow({ where: { userId: bob.userId } });
    const missing = randomUUID();
    const ids = (rows: unknown[]) =>
      rows.map((row) => (row && typeof row === 'object' && 'id' in row ? row.id : row));
    expect(ids(await loaders.portfolioById.loadMany([b.id, missing, a.id]))).toEqual([b.id, null, a.id]);
    expect(ids(await loaders.portfolioByUserId.loadMany([alice.userId, missing, bob.userId]))).toEqual([
      a.id,
      null,
      b.id,
    ]);
    const instrumentId = randomUUID();
    await trading.prisma.position.create({
      data: { portfolioId: b.id, instrumentId, quantity: '2', averagePrice: '10' },
    });
    const positions = await loaders.positionsByPortfolioId.loadMany([missing, b.id, a.id]);
    expect(positions.map((list) => (Array.isArray(list) ? list.map((p) => p.instrumentId) : list))).toEqual([
      [],
      [instrumentId],
      [],
    ]);
  });
});
