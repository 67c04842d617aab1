import { marketTickEnvelope } from '../../platform/events/marketTick';
import { randomUUID } from 'node:crypto';
import { SignalLifecycleTopics } from '../../platform/events/topics';
import type { Instrument } from '../../platform/prisma/generated/client';
import { createTestKafkaBus, eventually, testLogger } from '../../test/support/env';
import { createTickLifecycleConsumer, type ExpirySweep } from './lifecycleWorkers';
import { buyAt, errorOf, startSignalsHarness, viewer, type SignalsHarness } from './testHarness';

// Signals closed and alerts triggered by ticks on the real Kafka broker, against a real Postgres.
let h: SignalsHarness;
const bus = createTestKafkaBus('signals-lifecycle-test');
const consumer = () =>
  createTickLifecycleConsumer({ prisma: h.db.prisma, bus, logger: testLogger, groupId: 'lifecycle-test' });
let ticks: ReturnType<typeof consumer>;

beforeAll(async () => {
  h = await startSignalsHarness();
  await bus.start();
  ticks = consumer();
  await ticks.start();
}, 60_000);
afterAll(async () => {
  await ticks?.stop();
  await bus.stop();
  await h?.stop();
});

const analyst = viewer('ANALYST');
const trader = { ...viewer('TRADER'), tier: 'PREMIUM' as const };
const envelope = (instrument: Instrument, price: string) =>
  marketTickEnvelope({
    instrumentId: instrument.id,
    symbol: instrument.symbol,
    price,
    bid: null,
    ask: null,
    at: new Date().toISOString(),
  });
const tick = (instrument: Instrument, price: string) => bus.publish([envelope(instrument, price)]);
const signalRow = (id: string) => h.db.prisma.signal.findUniqueOrThrow({ where: { id } });
const closed = (id: string) =>
  eventually(
    async () => {
      const row = await signalRow(id);
      return row.status === 'ACTIVE' ? undefined : row;
    },
    20_000,
    `signal ${id} closed`,
  );
const updates = (signalId: string) =>
  h.db.prisma.signalsOutboxEvent.findMany({
    where: { topic: SignalLifecycleTopics.signalUpdated, payload: { path: ['signalId'], equals: signalId } },
  });
const publish = async (input: Record<string, unknown>) => {
  const result = await h.publish(input, analyst);
  expect(result.errors).toBeUndefined();
  return result.data!.publishSignal.id;
};

describe('signal lifecycle', () => {
  let expiring = '';

  it('closes at the target and at the stop on the first tick that reaches them, with the realized return', async () => {
    const target = await publish(buyAt('105.50', { targetPrice: '110.00', stopLoss: '100.00' }));
    expiring = await publish(buyAt('105.50', { targetPrice: '130.00', stopLoss: '90.00' }));
    const short = await publish({
      ...buyAt('50.00'),
      symbol: 'ETH-USDT',
      side: 'SELL',
      targetPrice: '45.00',
      stopLoss: '52.00',
    });
    await tick(h.btc, '107.00');
    await tick(h.btc, '110.25');
    await tick(h.eth, '52.50');
    const hit = await closed(target);
    expect(hit).toMatchObject({ status: 'TARGET_HIT' });
    expect(hit.closePrice?.toString()).toBe('110.25');
    expect(hit.realizedReturn).toBeCloseTo((110.25 - 105.5) / 105.5, 12);
    const stopped = await closed(short);
    expect(stopped).toMatchObject({ status: 'STOPPED_OUT' });
    expect(stopped.realizedReturn).toBeCloseTo((50 - 52.5) / 50, 12);
    expect((await signalRow(expiring)).status).toBe('ACTIVE');
    const [event] = await updates(target);
    expect(event?.payload).toMatchObject({
      signalId: target,
      symbol: 'BTC-USDT',
      status: 'TARGET_HIT',
      closePrice: '110.25',
    });
    expect(await updates(short)).toHaveLength(1);
  }, 60_000);

  it('expires a due signal at the last known price in the sweep, once', async () => {
    await h.db.prisma.signal.update({
      where: { id: expiring },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const sweep: ExpirySweep = h.subgraph.expirySweep;
    expect(await sweep.sweep()).toEqual([expiring]);
    expect(await sweep.sweep()).toEqual([]);
    const row = await signalRow(expiring);
    expect(row.status).toBe('EXPIRED');
    expect(row.closePrice?.toString()).toBe('110.25');
    expect(row.realizedReturn).toBeCloseTo((110.25 - 105.5) / 105.5, 12);
    expect(await updates(expiring)).toHaveLength(1);
  });

  it('lets the publishing analyst or an admin cancel an active signal, once', async () => {
    const cancel = 'mutation($id: ID!) { cancelSignal(id: $id) { status closedAt realizedReturn } }';
    // At the last tick (110.25): publication refuses an entry far from the market.
    const id = await publish(buyAt('110.25'));
    expect(errorOf(await h.run(cancel, { id }, viewer('ANALYST')))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await h.run(cancel, { id }, trader))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await h.run(cancel, { id: randomUUID() }, analyst))).toMatchObject({ code: 'NOT_FOUND' });
    const done = await h.run<{ cancelSignal: Record<string, unknown> }>(cancel, { id }, analyst);
    expect(done.data?.cancelSignal).toMatchObject({ status: 'CANCELLED', realizedReturn: null });
    expect(errorOf(await h.run(cancel, { id }, viewer('ADMIN')))).toMatchObject({ code: 'CONFLICT' });
    expect((await updates(id)).map((e) => e.payload)).toMatchObject([{ status: 'CANCELLED' }]);
  });
});

describe('price alerts', () => {
  const CREATE = `mutation($input: CreatePriceAlertInput!) { createPriceAlert(input: $input) {
    id status direction price instrument { symbol } } }`;
  const ONE = 'query($id: ID!) { priceAlert(id: $id) { status triggeredPrice } }';
  const create = async (direction: string, price: string) => {
    const result = await h.run<{ createPriceAlert: { id: string } }>(
      CREATE,
      { input: { symbol: 'btc-usdt', direction, price } },
      trader,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createPriceAlert.id;
  };

  it('triggers once, even when the tick is delivered twice and the next tick crosses too', async () => {
    const above = await create('ABOVE', '120.00');
    const below = await create('BELOW', '90.00');
    const crossing = envelope(h.btc, '121.00');
    // A malformed tick first: skipped, it must not hold up the ticks behind it.
    await bus.publish([envelope(h.btc, 'not-a-price'), crossing, crossing]);
    await tick(h.btc, '122.00');
    await eventually(
      async () => {
        const row = await h.db.prisma.marketPrice.findUnique({ where: { instrumentId: h.btc.id } });
        return row?.price.toString() === '122' ? true : undefined;
      },
      20_000,
      'both ticks applied',
    );
    const triggered = await h.run(ONE, { id: above }, trader);
    expect(triggered.data).toEqual({ priceAlert: { status: 'TRIGGERED', triggeredPrice: '121' } });
    expect((await h.run(ONE, { id: below }, trader)).data).toEqual({
      priceAlert: { status: 'ACTIVE', triggeredPrice: null },
    });
    const events = await h.db.prisma.signalsOutboxEvent.findMany({
      where: { topic: SignalLifecycleTopics.priceAlertTriggered },
    });
    expect(events.map((e) => e.payload)).toMatchObject([
      { alertId: above, userId: trader.userId, symbol: 'BTC-USDT', triggeredPrice: '121.00' },
    ]);
    // Owner only: another user sees nothing and cannot cancel it.
    expect((await h.run(ONE, { id: above }, viewer('TRADER'))).data).toEqual({ priceAlert: null });
    const cancel = 'mutation($id: ID!) { cancelPriceAlert(id: $id) { status } }';
    expect(errorOf(await h.run(cancel, { id: below }, viewer('TRADER')))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(errorOf(await h.run(cancel, { id: above }, trader))).toMatchObject({ code: 'CONFLICT' });
    expect((await h.run(cancel, { id: below }, trader)).data).toEqual({
      cancelPriceAlert: { status: 'CANCELLED' },
    });
    const latest = await h.run(
      '{ marketTick(symbol: "btc-usdt") { symbol price instrument { symbol } } }',
      {},
      trader,
    );
    expect(latest.data).toEqual({
      marketTick: { symbol: 'BTC-USDT', price: '122', instrument: { symbol: 'BTC-USDT' } },
    });
    const mine = await h.run<{ priceAlerts: { id: string }[] }>('{ priceAlerts { id } }', {}, trader);
    expect(new Set(mine.data?.priceAlerts.map((a) => a.id))).toEqual(new Set([above, below]));
  }, 60_000);

  it.each([
    ['symbol', { symbol: 'NOPE' }],
    ['price', { price: '0' }],
    ['price', { price: '100.001' }],
  ])('rejects a bad %s', async (field, change) => {
    const input = { symbol: 'BTC-USDT', direction: 'ABOVE', price: '100.00', ...change };
    expect(errorOf(await h.run(CREATE, { input }, trader))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errorOf(await h.run(CREATE, { input }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
