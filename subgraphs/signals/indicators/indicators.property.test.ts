import fc from 'fast-check';
import { atr, bollinger, ema, macd, rsi, sma, vwap } from './batch';
import {
  atrStream,
  bollingerStream,
  emaStream,
  macdStream,
  rsiStream,
  runStream,
  smaStream,
  vwapStream,
} from './streaming';

const price = fc.double({ min: 1, max: 100_000, noNaN: true, noDefaultInfinity: true });
const prices = fc.array(price, { minLength: 0, maxLength: 80 });
const period = fc.integer({ min: 1, max: 30 });
const bar = fc
  .tuple(price, fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([low, spread, at]) => ({ low, high: low * (1 + spread), close: low * (1 + spread * at) }));
const bars = fc.array(bar, { minLength: 0, maxLength: 60 });
const volumeBars = fc.array(
  fc.tuple(bar, fc.integer({ min: 0, max: 1_000_000 })).map(([b, volume]) => ({ ...b, volume })),
  { maxLength: 60 },
);

const close = (a: number | null | undefined, b: number | null | undefined) =>
  a === b || (a != null && b != null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

describe('indicator invariants', () => {
  it('streaming and batch forms agree on any series', () => {
    fc.assert(
      fc.property(prices, period, (values, n) => {
        expect(runStream(smaStream(n), values).every((v, i) => close(v, sma(values, n)[i]))).toBe(true);
        expect(runStream(emaStream(n), values).every((v, i) => close(v, ema(values, n)[i]))).toBe(true);
        expect(runStream(rsiStream(n), values).every((v, i) => close(v, rsi(values, n)[i]))).toBe(true);
        const bands = bollinger(values, n);
        expect(
          runStream(bollingerStream(n), values).every((v, i) => close(v?.middle, bands[i]?.middle)),
        ).toBe(true);
        const lines = macd(values, 3, 7, 4);
        expect(
          runStream(macdStream(3, 7, 4), values).every((v, i) => close(v?.signal, lines[i]?.signal)),
        ).toBe(true);
      }),
    );
    fc.assert(
      fc.property(bars, period, (series, n) => {
        expect(runStream(atrStream(n), series).every((v, i) => close(v, atr(series, n)[i]))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(volumeBars, (series) => {
        expect(runStream(vwapStream(), series).every((v, i) => close(v, vwap(series)[i]))).toBe(true);
      }),
    );
  });

  it('warm-up: SMA, EMA and Bollinger first appear at period-1, RSI at period, then never null', () => {
    fc.assert(
      fc.property(prices, period, (values, n) => {
        const firstDefined = (series: unknown[]) => series.findIndex((v) => v !== null);
        const expectAt = (series: unknown[], at: number) =>
          expect(firstDefined(series)).toBe(values.length > at ? at : -1);
        expectAt(sma(values, n), n - 1);
        expectAt(ema(values, n), n - 1);
        expectAt(bollinger(values, n), n - 1);
        expectAt(rsi(values, n), n);
      }),
    );
  });

  it('averages stay within the window range; RSI within 0..100; bands ordered; ATR and VWAP bounded', () => {
    fc.assert(
      fc.property(prices, period, (values, n) => {
        sma(values, n).forEach((v, i) => {
          if (v === null) return;
          const window = values.slice(i - n + 1, i + 1);
          expect(v).toBeGreaterThanOrEqual(Math.min(...window) * (1 - 1e-12));
          expect(v).toBeLessThanOrEqual(Math.max(...window) * (1 + 1e-12));
        });
        ema(values, n).forEach((v) => {
          if (v !== null) expect(v).toBeGreaterThanOrEqual(Math.min(...values) * (1 - 1e-12));
        });
        for (const v of rsi(values, n)) if (v !== null) expect(v >= 0 && v <= 100).toBe(true);
        for (const b of bollinger(values, n))
          if (b) expect(b.lower <= b.middle && b.middle <= b.upper).toBe(true);
      }),
    );
    fc.assert(
      fc.property(volumeBars, period, (series, n) => {
        atr(series, n).forEach((v) => v === null || expect(v).toBeGreaterThanOrEqual(0));
        vwap(series).forEach((v, i) => {
          if (v === null) return;
          const seen = series.slice(0, i + 1);
          expect(v).toBeGreaterThanOrEqual(Math.min(...seen.map((b) => b.low)) * (1 - 1e-9));
          expect(v).toBeLessThanOrEqual(Math.max(...seen.map((b) => b.high)) * (1 + 1e-9));
        });
      }),
    );
  });

  it('a constant series: averages equal it, bands collapse, RSI is 50, ATR is the bar range', () => {
    fc.assert(
      fc.property(price, period, fc.integer({ min: 31, max: 60 }), (c, n, length) => {
        const flat = Array<number>(length).fill(c);
        expect(close(sma(flat, n).at(-1), c)).toBe(true);
        expect(close(ema(flat, n).at(-1), c)).toBe(true);
        expect(rsi(flat, n).at(-1)).toBe(50);
        const last = bollinger(flat, n).at(-1)!;
        expect(close(last.upper, last.lower)).toBe(true);
      }),
    );
  });
});
