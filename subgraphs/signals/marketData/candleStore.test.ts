import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { rollUp, upsertMinuteCandles } from './candleStore';
import { createMinuteCandleBuilder } from './minuteCandles';
import { createTickThrottle } from './tickThrottle';

const T0 = Date.UTC(2026, 11, 3, 23, 55); // 23:55 UTC: the 5m, 1h and 1d buckets all start before it
const minute = (n: number) => T0 + n * 60_000;

describe('1m candles and their roll-ups', () => {
  let db: TestDatabase;
  let instrumentId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const instrument = await db.prisma.instrument.create({
      data: {
        symbol: 'RUP-USDT',
        name: 'Roll-up test',
        assetClass: 'CRYPTO',
        exchange: 'BINANCE',
        baseAsset: 'RUP',
        quoteCurrency: 'USDT',
        tickSize: '0.01',
      },
    });
    instrumentId = instrument.id;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const stored = (interval: string) =>
    db.prisma.candle.findMany({ where: { instrumentId, interval }, orderBy: { openTime: 'asc' } });
  const plain = (rows: Awaited<ReturnType<typeof stored>>) =>
    rows.map((c) => ({
      openTime: c.openTime.toISOString(),
      open: c.open.toString(),
      high: c.high.toString(),
      low: c.low.toString(),
      close: c.close.toString(),
      volume: c.volume.toString(),
      source: c.source,
    }));

  it('rolls 1m candles up into 5m, 1h and 1d buckets as computed by hand, idempotently', async () => {
    // 23:55..00:01: five minutes closing the 23:55 bucket, day and hour; two opening the next ones.
    const candles = [
      { open: 100, high: 101, low: 99, close: 100.5, volume: 1 },
      { open: 100.5, high: 104, low: 100, close: 103, volume: 2 },
      { open: 103, high: 103.5, low: 97, close: 98, volume: 1.5 },
      { open: 98, high: 99, low: 96.5, close: 99, volume: 0.5 },
      { open: 99, high: 100, low: 98.5, close: 99.5, volume: 3 },
      { open: 99.5, high: 102, low: 99, close: 101, volume: 1 },
      { open: 101, high: 101.5, low: 100, close: 100.25, volume: 2 },
    ].map((c, i) => ({ ...c, openTime: minute(i) }));
    for (let pass = 0; pass < 2; pass += 1) {
      await upsertMinuteCandles(db.prisma, instrumentId, candles, 'BINANCE');
      await rollUp(db.prisma, instrumentId, minute(0), minute(7));
    }
    const first = { source: 'BINANCE' };
    expect(plain(await stored('5m'))).toEqual([
      {
        ...first,
        openTime: '2026-12-03T23:55:00.000Z',
        open: '100',
        high: '104',
        low: '96.5',
        close: '99.5',
        volume: '8',
      },
      {
        ...first,
        openTime: '2026-12-04T00:00:00.000Z',
        open: '99.5',
        high: '102',
        low: '99',
        close: '100.25',
        volume: '3',
      },
    ]);
    expect(plain(await stored('1h'))).toEqual([
      {
        ...first,
        openTime: '2026-12-03T23:00:00.000Z',
        open: '100',
        high: '104',
        low: '96.5',
        close: '99.5',
        volume: '8',
      },
      {
        ...first,
        openTime: '2026-12-04T00:00:00.000Z',
        open: '99.5',
        high: '102',
        low: '99',
        close: '100.25',
        volume: '3',
      },
    ]);
    expect(plain(await stored('1d')).map((c) => [c.openTime, c.open, c.close, c.volume])).toEqual([
      ['2026-12-03T00:00:00.000Z', '100', '99.5', '8'],
      ['2026-12-04T00:00:00.000Z', '99.5', '100.25', '3'],
    ]);
    expect(await stored('1m')).toHaveLength(7);
  });
});

describe('minute candle builder', () => {
  it('closes a minute on the first trade of the next; complete only when it saw the minute start', () => {
    const builder = createMinuteCandleBuilder();
    expect(builder.add({ price: 10, amount: 1, time: minute(0) + 30_000 })).toEqual({});
    const first = builder.add({ price: 11, amount: 2, time: minute(1) + 1_000 });
    expect(first.closed).toMatchObject({ open: 10, close: 10, complete: false });
    builder.add({ price: 13, amount: 1, time: minute(1) + 20_000 });
    builder.add({ price: 9, amount: 1, time: minute(1) + 40_000 });
    const second = builder.add({ price: 12, amount: 1, time: minute(2) });
    expect(second.closed).toEqual({
      openTime: minute(1),
      open: 11,
      high: 13,
      low: 9,
      close: 9,
      volume: 4,
      complete: true,
    });
    // Three silent minutes: a gap to backfill, and the closing minute is not trusted either.
    const gap = builder.add({ price: 12, amount: 1, time: minute(6) });
    expect(gap).toMatchObject({ gapFrom: minute(3), closed: { openTime: minute(2), complete: false } });
  });
});

describe('tick throttle', () => {
  const tick = (ms: number) => ({
    instrumentId: 'i',
    symbol: 'X-USDT',
    price: String(ms),
    bid: null,
    ask: null,
    at: new Date(T0 + ms).toISOString(),
  });

  it('passes one tick per second of quote time and releases the newest held one when the window ends', () => {
    const throttle = createTickThrottle(1000);
    expect(throttle.offer(tick(0))?.price).toBe('0');
    expect(throttle.offer(tick(300))).toBeNull();
    expect(throttle.offer(tick(700))).toBeNull();
    expect(throttle.due(T0 + 900)).toEqual([]);
    expect(throttle.due(T0 + 1000).map((t) => t.price)).toEqual(['700']);
    expect(throttle.offer(tick(1500))).toBeNull();
    expect(throttle.offer(tick(2000))?.price).toBe('2000');
    expect(throttle.due(T0 + 5000)).toEqual([]);
  });
});
