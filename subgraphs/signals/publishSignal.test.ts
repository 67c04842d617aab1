import { Topics } from '../../platform/events/topics';
import { buyAt, errorOf, startSignalsHarness, validSignal, viewer, type SignalsHarness } from './testHarness';

let h: SignalsHarness;
beforeAll(async () => {
  h = await startSignalsHarness();
});
afterAll(() => h?.stop());

const analyst = viewer('ANALYST');
const counts = async () => [await h.db.prisma.signal.count(), await h.db.prisma.signalsOutboxEvent.count()];
const DETAIL = `query($id: ID!) { signal(id: $id) {
  side entryPrice targetPrice stopLoss confidence rationale status expiresAt createdAt realizedReturn
  source { kind name analyst { id } }
} }`;

describe('publishSignal', () => {
  it('creates the signal and its outbox event together, with increasing sequences', async () => {
    const first = await h.publish(validSignal, analyst);
    expect(first.errors).toBeUndefined();
    const signal = first.data!.publishSignal;
    expect(signal).toMatchObject({
      side: 'BUY',
      strategy: 'breakout-20d',
      price: '105.5',
      confidence: 75,
      author: { id: analyst.userId },
      instrument: { symbol: 'BTC-USDT' },
    });
    const events = await h.db.prisma.signalsOutboxEvent.findMany({ where: { key: h.btc.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      topic: Topics.signalPublished,
      type: 'SignalPublished',
      correlationId: 'test-correlation-id',
      payload: {
        signalId: signal.id,
        sequence: signal.sequence,
        instrumentId: h.btc.id,
        symbol: 'BTC-USDT',
        side: 'BUY',
        price: '105.5',
        // The source row, so trading can follow it by the id signalSources lists.
        source: { id: expect.any(String), kind: 'ANALYST', key: analyst.userId },
      },
    });
    const input = { ...validSignal, symbol: 'NSE:RELIANCE', side: 'SELL', entryPrice: '2001.05' };
    const second = await h.publish({ ...input, targetPrice: '1950', stopLoss: '2020' }, viewer('ADMIN'));
    expect(BigInt(second.data!.publishSignal.sequence)).toBeGreaterThan(BigInt(signal.sequence));
  });

  it('stores the lifecycle fields: ACTIVE, levels, a week to expiry by default, the analyst as its source', async () => {
    const author = viewer('ANALYST');
    const { id } = (await h.publish(validSignal, author)).data!.publishSignal;
    const again = (await h.publish(buyAt('104'), author)).data!.publishSignal;
    const result = await h.run<{ signal: Record<string, unknown> }>(
      DETAIL,
      { id },
      { ...author, tier: 'PREMIUM' },
    );
    expect(result.data?.signal).toMatchObject({
      side: 'BUY',
      entryPrice: '105.5',
      targetPrice: '110',
      stopLoss: '100',
      confidence: 75,
      rationale: validSignal.rationale,
      status: 'ACTIVE',
      realizedReturn: null,
      source: { kind: 'ANALYST', analyst: { id: author.userId } },
    });
    const { createdAt, expiresAt } = result.data!.signal as { createdAt: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.parse(createdAt)).toBeCloseTo(7 * 86_400_000, -4);
    const rows = await h.db.prisma.signal.findMany({ where: { id: { in: [id, again.id] } } });
    // One source row per analyst, however many signals.
    expect(new Set(rows.map((row) => row.sourceId)).size).toBe(1);
  });

  it('accepts HOLD and EXIT without levels, and an explicit expiry', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    for (const side of ['HOLD', 'EXIT']) {
      const input = { symbol: 'BTC-USDT', side, entryPrice: '100', confidence: 0, expiresAt };
      const result = await h.publish(input, analyst);
      expect(result.errors).toBeUndefined();
    }
  });

  it('refuses learners and anonymous callers without writing anything', async () => {
    const before = await counts();
    expect(errorOf(await h.publish(validSignal, viewer('LEARNER', 'TRADER')))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(errorOf(await h.publish(validSignal, null))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await counts()).toEqual(before);
  });

  const hour = () => new Date(Date.now() + 3_600_000).toISOString();
  it.each([
    ['symbol', { symbol: 'DOGE-USDT' }],
    ['strategy', { strategy: 'Breakout 20' }],
    ['entryPrice', { entryPrice: '-1' }],
    ['entryPrice', { entryPrice: '0.00' }],
    ['entryPrice', { entryPrice: '1e5' }],
    ['entryPrice', { entryPrice: '105.505' }],
    ['targetPrice', { targetPrice: '105.00' }],
    ['targetPrice', { targetPrice: null }],
    ['stopLoss', { stopLoss: '106.00' }],
    ['stopLoss', { stopLoss: '99.999' }],
    ['stopLoss', { side: 'SELL', targetPrice: '100.00', stopLoss: '105.00' }],
    ['targetPrice', { side: 'SELL', targetPrice: '110.00', stopLoss: '111.00' }],
    ['targetPrice', { side: 'HOLD' }],
    ['confidence', { confidence: 101 }],
    ['confidence', { confidence: -1 }],
    ['expiresAt', { expiresAt: new Date(Date.now() - 1_000).toISOString() }],
    ['expiresAt', { expiresAt: new Date(Date.now() + 91 * 86_400_000).toISOString() }],
    ['rationale', { rationale: '   ' }],
    ['rationale', { rationale: 'x'.repeat(2001), expiresAt: hour() }],
  ])('rejects a bad %s: %j', async (field, change) => {
    const before = await counts();
    const result = await h.publish({ ...validSignal, ...change }, analyst);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  it('accepts prices on the tick grid of the instrument and confidence at the bounds', async () => {
    for (const [entryPrice, confidence] of [
      ['2001.15', 100],
      ['2000', 0],
    ] as const) {
      const input = buyAt(entryPrice, { symbol: 'nse:reliance', confidence });
      expect((await h.publish(input, analyst)).errors).toBeUndefined();
    }
    const offGrid = buyAt('2001.10', { symbol: 'NSE:RELIANCE', targetPrice: '2002.12' });
    expect(errorOf(await h.publish(offGrid, analyst))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'targetPrice',
    });
  });
  it('refuses levels the current tick contradicts, with BAD_USER_INPUT, and writes nothing', async () => {
    const sol = await h.db.prisma.instrument.create({
      data: {
        symbol: 'SOL-USDT',
        name: 'SOL',
        assetClass: 'CRYPTO',
        exchange: 'X',
        baseAsset: 'SOL',
        quoteCurrency: 'USDT',
        tickSize: '0.01',
      },
    });
    await h.db.prisma.marketPrice.create({ data: { instrumentId: sol.id, price: '150.00', at: new Date() } });
    const before = await counts();
    const far = await h.publish({ ...buyAt('100.00'), symbol: 'SOL-USDT' }, analyst);
    expect(errorOf(far)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entryPrice', currentPrice: '150' });
    const passed = await h.publish(
      { ...validSignal, symbol: 'SOL-USDT', entryPrice: '149.00', targetPrice: '149.50', stopLoss: '148.00' },
      analyst,
    );
    expect(errorOf(passed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetPrice' });
    expect(await counts()).toEqual(before);
    const near = await h.publish({ ...buyAt('150.20'), symbol: 'SOL-USDT' }, analyst);
    expect(near.errors).toBeUndefined();
  });
});
