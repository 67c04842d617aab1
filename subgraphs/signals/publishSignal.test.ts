import { Topics } from '../../platform/events/topics';
import { errorOf, startSignalsHarness, validSignal, viewer, type SignalsHarness } from './testHarness';

let h: SignalsHarness;
beforeAll(async () => {
  h = await startSignalsHarness();
});
afterAll(() => h?.stop());

const analyst = viewer('ANALYST');
const counts = async () => [await h.db.prisma.signal.count(), await h.db.prisma.signalsOutboxEvent.count()];

describe('publishSignal', () => {
  it('creates the signal and its outbox event together, with increasing sequences', async () => {
    const first = await h.publish(validSignal, analyst);
    expect(first.errors).toBeUndefined();
    const signal = first.data!.publishSignal;
    expect(signal).toMatchObject({
      side: 'BUY',
      strategy: 'breakout-20d',
      price: '105.5',
      confidence: '0.75',
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
      },
    });
    const input = { ...validSignal, symbol: 'NSE:RELIANCE', side: 'SELL', price: '2001.05' };
    const second = await h.publish(input, viewer('ADMIN'));
    expect(BigInt(second.data!.publishSignal.sequence)).toBeGreaterThan(BigInt(signal.sequence));
  });

  it('refuses learners and anonymous callers without writing anything', async () => {
    const before = await counts();
    expect(errorOf(await h.publish(validSignal, viewer('LEARNER', 'TRADER')))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(errorOf(await h.publish(validSignal, null))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['symbol', { symbol: 'DOGE-USDT' }],
    ['strategy', { strategy: 'Breakout 20' }],
    ['strategy', { strategy: 'x'.repeat(65) }],
    ['price', { price: '-1' }],
    ['price', { price: '0.00' }],
    ['price', { price: '1e5' }],
    ['price', { price: '105.505' }],
    ['confidence', { confidence: '1.01' }],
    ['confidence', { confidence: '0.12345' }],
  ])('rejects a bad %s: %j', async (field, change) => {
    const before = await counts();
    const result = await h.publish({ ...validSignal, ...change }, analyst);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  it('accepts a price on the tick grid of the instrument and confidence at the bounds', async () => {
    for (const [price, confidence] of [
      ['2001.15', '1.0000'],
      ['2000', '0'],
    ]) {
      const result = await h.publish({ ...validSignal, symbol: 'nse:reliance', price, confidence }, analyst);
      expect(result.errors).toBeUndefined();
    }
    expect(
      errorOf(await h.publish({ ...validSignal, symbol: 'NSE:RELIANCE', price: '2001.12' }, analyst)),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'price',
    });
  });
});
