import { randomUUID } from 'node:crypto';
import { codeOf, startTrading, viewer, type TradingHarness } from './testHarness';

// tradingAnalytics: SQL aggregates checked against figures computed here from the same fixture.
const QUERY = `query($from: DateTime!, $to: DateTime!) { tradingAnalytics(from: $from, to: $to) {
  volumeByDay { day notional orders fills } activeTraders pnlDistribution { lowerBound upperBound users } } }`;
const FROM = '2026-03-01T00:00:00.000Z';
const TO = '2026-03-06T00:00:00.000Z';
const RATE: Record<string, number> = { USDT: 85, INR: 1 };

interface Fill {
  quantity: number;
  price: number;
  realized: number;
  at: string;
}
interface FixtureOrder {
  user: 'A' | 'B' | 'C';
  symbol: string;
  createdAt: string;
  fills: Fill[];
}
const fixture: FixtureOrder[] = [
  {
    user: 'A',
    symbol: 'BTC-USDT',
    createdAt: '2026-03-02T10:00:00Z',
    fills: [{ quantity: 0.5, price: 100, realized: 0, at: '2026-03-02T10:00:00Z' }],
  },
  {
    user: 'B',
    symbol: 'NSE:TCS',
    createdAt: '2026-03-02T23:30:00Z',
    fills: [{ quantity: 2, price: 1500, realized: -40, at: '2026-03-02T23:59:59Z' }],
  },
  {
    user: 'A',
    symbol: 'BTC-USDT',
    createdAt: '2026-03-03T01:00:00Z',
    fills: [
      { quantity: 0.2, price: 110, realized: 2, at: '2026-03-03T01:00:00Z' },
      { quantity: 0.3, price: 120, realized: 10, at: '2026-03-04T00:00:00Z' },
    ],
  },
  { user: 'C', symbol: 'ETH-USDT', createdAt: '2026-03-05T12:00:00Z', fills: [] },
  // Outside [from, to): counted nowhere.
  {
    user: 'C',
    symbol: 'ETH-USDT',
    createdAt: '2026-02-20T12:00:00Z',
    fills: [{ quantity: 1, price: 9, realized: 500, at: '2026-02-20T12:00:00Z' }],
  },
  {
    user: 'B',
    symbol: 'NSE:TCS',
    createdAt: '2026-03-06T00:00:00Z',
    fills: [{ quantity: 1, price: 1, realized: 9, at: '2026-03-06T00:00:00Z' }],
  },
];

let trading: TradingHarness;
const users = { A: randomUUID(), B: randomUUID(), C: randomUUID() };
const portfolios = { A: randomUUID(), B: randomUUID(), C: randomUUID() };

beforeAll(async () => {
  trading = await startTrading();
  for (const [i, order] of fixture.entries()) {
    const row = await trading.prisma.tradeOrder.create({
      data: {
        portfolioId: portfolios[order.user],
        userId: users[order.user],
        clientOrderId: `fx-${i}`,
        inputHash: 'x',
        symbol: order.symbol,
        side: 'BUY',
        type: 'MARKET',
        quantity: order.fills.reduce((sum, fill) => sum + fill.quantity, 0) || 1,
        status: order.fills.length ? 'FILLED' : 'REJECTED',
        createdAt: new Date(order.createdAt),
      },
    });
    for (const [j, fill] of order.fills.entries()) {
      await trading.prisma.tradeEvent.create({
        data: {
          portfolioId: portfolios[order.user],
          orderId: row.id,
          type: j === order.fills.length - 1 ? 'FILLED' : 'PARTIALLY_FILLED',
          tradeId: `fx-${i}-${j}`,
          symbol: order.symbol,
          side: 'BUY',
          quantity: fill.quantity,
          price: fill.price,
          realizedPnl: fill.realized,
          occurredAt: new Date(fill.at),
        },
      });
    }
  }
});
afterAll(async () => {
  await trading?.stop();
});

const inRange = (iso: string) => Date.parse(iso) >= Date.parse(FROM) && Date.parse(iso) < Date.parse(TO);
const rate = (symbol: string) => RATE[symbol.includes('-') ? symbol.split('-')[1]! : 'INR']!;

function expected() {
  const days = new Map<string, { notional: number; orders: number; fills: number }>();
  const day = (iso: string) => {
    const key = iso.slice(0, 10);
    if (!days.has(key)) days.set(key, { notional: 0, orders: 0, fills: 0 });
    return days.get(key)!;
  };
  const pnl = new Map<string, number>();
  for (const order of fixture) {
    if (inRange(order.createdAt)) day(order.createdAt).orders += 1;
    for (const fill of order.fills.filter((f) => inRange(f.at))) {
      day(fill.at).fills += 1;
      day(fill.at).notional += fill.quantity * fill.price * rate(order.symbol);
      pnl.set(order.user, (pnl.get(order.user) ?? 0) + fill.realized * rate(order.symbol));
    }
  }
  const values = [...pnl.values()];
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const width = (hi - lo) / 10;
  const buckets = Array.from({ length: 10 }, (_, b) => ({
    lowerBound: (lo + b * width).toFixed(2),
    upperBound: (lo + (b + 1) * width).toFixed(2),
    users: values.filter((v) => Math.min(Math.floor((v - lo) / width), 9) === b).length,
  }));
  return {
    volumeByDay: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, v]) => ({ day: key, notional: v.notional.toFixed(2), orders: v.orders, fills: v.fills })),
    activeTraders: new Set(fixture.filter((o) => inRange(o.createdAt)).map((o) => o.user)).size,
    pnlDistribution: buckets,
  };
}

describe('tradingAnalytics', () => {
  it('aggregates volume per UTC day, active traders and the realized PnL histogram', async () => {
    const result = await trading.run(QUERY, { from: FROM, to: TO }, viewer('ADMIN'));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ tradingAnalytics: expected() });
    // Spelled out once, so a shared mistake in both computations cannot hide: 4250 + 3000 on the 2nd.
    expect(expected().volumeByDay[0]).toEqual({
      day: '2026-03-02',
      notional: '7250.00',
      orders: 2,
      fills: 2,
    });
  });

  it('answers empty lists for a range without trading', async () => {
    const result = await trading.run(
      QUERY,
      { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' },
      viewer('ADMIN'),
    );
    expect(result.data).toEqual({
      tradingAnalytics: { volumeByDay: [], activeTraders: 0, pnlDistribution: [] },
    });
  });

  it('is ADMIN only, and checks the range', async () => {
    for (const as of [viewer('TRADER'), viewer('ANALYST'), viewer('SUPPORT'), null]) {
      expect(codeOf(await trading.run(QUERY, { from: FROM, to: TO }, as))).toMatch(
        /FORBIDDEN|UNAUTHENTICATED/,
      );
    }
    expect(codeOf(await trading.run(QUERY, { from: FROM, to: TO }, viewer('TRADER')))).toBe('FORBIDDEN');
    expect(codeOf(await trading.run(QUERY, { from: TO, to: FROM }, viewer('ADMIN')))).toBe('BAD_USER_INPUT');
  });
});
