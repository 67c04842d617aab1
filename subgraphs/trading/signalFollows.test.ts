import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer';
import { Topics, type SignalPublishedPayload, type SignalSourceFields } from '../../platform/events/topics';
import { codeOf, instrumentIdOf, startTrading, viewer, type TradingHarness } from './testHarness';

const FOLLOW = `mutation($input: FollowSignalSourceInput!) { followSignalSource(input: $input) { id sourceId kind source sizing sizingValue active } }`;
let trading: TradingHarness;
beforeAll(async () => {
  trading = await startTrading();
  await trading.tick('FOL-USDT', '10'); // 1 unit = ₹850
});
afterAll(async () => {
  await trading?.stop();
});

const premium = (): Viewer => ({ ...viewer('TRADER'), tier: 'PREMIUM' });
/** A source as signals lists it, in trading's copy (the seed or a SignalPublished puts it there). */
const source = async (kind: 'STRATEGY' | 'ANALYST', key: string) =>
  (await trading.prisma.tradingSignalSource.create({ data: { id: randomUUID(), kind, key } })).id;
const deliver = (payload: SignalPublishedPayload & SignalSourceFields, id = randomUUID()) =>
  trading.subgraph.consumers[1]!.handle({
    id,
    topic: Topics.signalPublished,
    key: payload.instrumentId,
    type: 'SignalPublished',
    payload,
    correlationId: null,
    occurredAt: new Date().toISOString(),
  });
const signal = (changes: Partial<SignalPublishedPayload & SignalSourceFields>) => ({
  signalId: randomUUID(),
  sequence: '1',
  instrumentId: instrumentIdOf('FOL-USDT'),
  symbol: 'FOL-USDT',
  side: 'BUY' as const,
  price: '10',
  ...changes,
});

describe('following a signal source', () => {
  it('is for PREMIUM and ENTERPRISE, with validated sizing', async () => {
    const sourceId = await source('STRATEGY', 'macd-crossover');
    const input = { sourceId, sizing: 'FIXED_QUANTITY', sizingValue: '1' };
    expect(codeOf(await trading.run(FOLLOW, { input }, viewer('TRADER')))).toBe('PAYMENT_REQUIRED');
    const bad = await trading.run(
      FOLLOW,
      { input: { ...input, sizing: 'PERCENT_OF_CASH', sizingValue: '150' } },
      premium(),
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sizingValue' });
    const me = premium();
    expect((await trading.run(FOLLOW, { input }, me)).data).toEqual({
      followSignalSource: {
        id: expect.any(String),
        sourceId,
        kind: 'STRATEGY',
        source: 'macd-crossover',
        sizing: 'FIXED_QUANTITY',
        sizingValue: '1',
        active: true,
      },
    });
    expect(codeOf(await trading.run(FOLLOW, { input }, me))).toBe('CONFLICT');
  });

  it('refuses a source that signalSources does not list, by name or by unknown id', async () => {
    const me = premium();
    for (const sourceId of ['no-such-strategy', 'macd-crossover', randomUUID()]) {
      const refused = await trading.run(
        FOLLOW,
        { input: { sourceId, sizing: 'FIXED_QUANTITY', sizingValue: '1' } },
        me,
      );
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceId' });
    }
    expect(await trading.prisma.signalFollow.count({ where: { userId: me.userId } })).toBe(0);
  });

  it("learns a new source from its first signal, and copies only that source's signals", async () => {
    const analystId = randomUUID();
    const analystSource = { id: randomUUID(), kind: 'ANALYST' as const, key: analystId };
    const strategyId = await source('STRATEGY', `strat-${randomUUID().slice(0, 8)}`);
    const strategyKey = (
      await trading.prisma.tradingSignalSource.findUniqueOrThrow({ where: { id: strategyId } })
    ).key;
    const [analystFollower, strategyFollower] = [premium(), premium()];
    const follow = (sourceId: string, as: Viewer) =>
      trading.run(FOLLOW, { input: { sourceId, sizing: 'FIXED_QUANTITY', sizingValue: '1' } }, as);
    expect(codeOf(await follow(analystSource.id, analystFollower))).toBe('BAD_USER_INPUT');
    // The analyst's first signal, labelled with the strategy's name: it names its own source.
    await deliver(signal({ strategy: strategyKey, authorId: analystId, source: analystSource }));
    expect((await follow(analystSource.id, analystFollower)).errors).toBeUndefined();
    expect((await follow(strategyId, strategyFollower)).errors).toBeUndefined();
    await deliver(signal({ strategy: strategyKey, authorId: analystId, source: analystSource }));
    const ordersOf = (user: Viewer) => trading.prisma.tradeOrder.count({ where: { userId: user.userId } });
    expect([await ordersOf(analystFollower), await ordersOf(strategyFollower)]).toEqual([1, 0]);
  });

  it('turns each signal into one paper order per follower, once, sized by the follow', async () => {
    const strategy = `STRAT_${randomUUID().slice(0, 8)}`;
    const analystId = randomUUID();
    const [strategyId, analystSourceId] = [
      await source('STRATEGY', strategy),
      await source('ANALYST', analystId),
    ];
    const fixed = premium();
    const percent = { ...premium(), tier: 'ENTERPRISE' as const };
    const byAnalyst = premium();
    await trading.run(
      FOLLOW,
      { input: { sourceId: strategyId, sizing: 'FIXED_QUANTITY', sizingValue: '2' } },
      fixed,
    );
    await trading.run(
      FOLLOW,
      { input: { sourceId: strategyId, sizing: 'PERCENT_OF_CASH', sizingValue: '1' } },
      percent,
    );
    await trading.run(
      FOLLOW,
      { input: { sourceId: analystSourceId, sizing: 'FIXED_QUANTITY', sizingValue: '1' } },
      byAnalyst,
    );

    const published = signal({ strategy });
    const eventId = randomUUID();
    await deliver(published, eventId);
    await deliver(published, eventId);
    await deliver(published); // republished under a new event id
    const orders = await trading.prisma.tradeOrder.findMany({ where: { signalId: published.signalId } });
    const byUser = Object.fromEntries(orders.map((o) => [o.userId, [o.status, o.quantity.toFixed()]]));
    // 1% of ₹10,00,000 = ₹10,000 = 11.76470588 units at ₹850 (rounded down to 8 decimals).
    expect(byUser).toEqual({ [fixed.userId]: ['FILLED', '2'], [percent.userId]: ['FILLED', '11.76470588'] });

    await deliver(signal({ strategy: 'SOMETHING_ELSE', authorId: analystId }));
    expect(await trading.prisma.tradeOrder.count({ where: { userId: byAnalyst.userId } })).toBe(1);
  });

  it('stops after unfollowing', async () => {
    const me = premium();
    const strategy = `STRAT_${randomUUID().slice(0, 8)}`;
    const followed = await trading.run<{ followSignalSource: { id: string } }>(
      FOLLOW,
      { input: { sourceId: await source('STRATEGY', strategy), sizing: 'FIXED_QUANTITY', sizingValue: '1' } },
      me,
    );
    const id = followed.data!.followSignalSource.id;
    const unfollowed = await trading.run(
      `mutation($id: ID!) { unfollowSignalSource(id: $id) { active } }`,
      { id },
      me,
    );
    expect(unfollowed.data).toEqual({ unfollowSignalSource: { active: false } });
    await deliver(signal({ strategy }));
    expect(await trading.prisma.tradeOrder.count({ where: { userId: me.userId } })).toBe(0);
    expect((await trading.run(`{ signalFollows { source active } }`, {}, me)).data).toEqual({
      signalFollows: [{ source: strategy, active: false }],
    });
  });
});
