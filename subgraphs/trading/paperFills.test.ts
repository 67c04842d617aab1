import { marketTickEnvelope } from '../../platform/events/marketTick';
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../platform/prisma';
import { startTrading, viewer, type TradingHarness } from './testHarness';

// Paper fills against bid/ask with slippage, a per-tick quantity cap (partial fills) and fees.
const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { id status filledQuantity averageFillPrice } }`;
const ORDER = `query($id: ID!) { tradeOrder(id: $id) {
  status filledQuantity averageFillPrice events { type tradeId quantity price } } }`;
const SYMBOL = 'SLP-USDT';

let trading: TradingHarness;
const trader = viewer('TRADER');
const start = Date.now();
const at = (second: number) => new Date(start + second * 1_000).toISOString();
const tick = (second: number, bid: string, ask: string) =>
  trading.tick(SYMBOL, '100', undefined, { bid, ask, at: at(second) });

beforeAll(async () => {
  trading = await startTrading({ PAPER_SLIPPAGE_BPS: 10, PAPER_MAX_FILL_PER_TICK: '0.4', PAPER_FEE_BPS: 10 });
});
afterAll(async () => {
  await trading?.stop();
});

async function place(side: 'BUY' | 'SELL', quantity: string) {
  const input = { symbol: SYMBOL, side, type: 'MARKET', quantity, clientOrderId: randomUUID() };
  const result = await trading.run<{ placeOrder: { id: string; status: string } }>(PLACE, { input }, trader);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.placeOrder;
}

type Order = {
  status: string;
  filledQuantity: string;
  averageFillPrice: string;
  events: { type: string; tradeId: string | null; quantity: string | null; price: string | null }[];
};
const read = async (id: string) =>
  (await trading.run<{ tradeOrder: Order }>(ORDER, { id }, trader)).data!.tradeOrder;
const d = (value: string) => new Prisma.Decimal(value);
/** USDT → INR paise at the paper rate (85), half up. */
const paise = (usdt: Prisma.Decimal) => BigInt(usdt.mul(85).mul(100).toDecimalPlaces(0).toFixed(0));

describe('paper fills with slippage and partial fills', () => {
  it('fills a market buy in slices at the ask plus slippage, one slice per tick, each tick once', async () => {
    await tick(0, '99', '101');
    const placed = await place('BUY', '1');
    expect(placed.status).toBe('PARTIALLY_FILLED');

    const t1 = await tick(1, '101', '102');
    expect((await read(placed.id)).filledQuantity).toBe('0.8');
    // The same tick again (Kafka redelivery): its slice is a duplicate.
    await trading.subgraph.consumers[3]!.handle(marketTickEnvelope(t1));
    expect((await read(placed.id)).filledQuantity).toBe('0.8');

    await tick(2, '99', '100');
    const order = await read(placed.id);
    const fills = order.events.filter((e) => e.tradeId !== null);
    // ask × (1 + 10 bps): 101 → 101.101, 102 → 102.102, 100 → 100.1
    expect(fills).toEqual([
      {
        type: 'PARTIALLY_FILLED',
        tradeId: `paper:${placed.id}:${Date.parse(at(0))}`,
        quantity: '0.4',
        price: '101.101',
      },
      {
        type: 'PARTIALLY_FILLED',
        tradeId: `paper:${placed.id}:${Date.parse(at(1))}`,
        quantity: '0.4',
        price: '102.102',
      },
      { type: 'FILLED', tradeId: `paper:${placed.id}:${Date.parse(at(2))}`, quantity: '0.2', price: '100.1' },
    ]);
    expect(order).toMatchObject({ status: 'FILLED', filledQuantity: '1', averageFillPrice: '101.3012' });

    // Cash paid: each slice's notional plus a 10 bps fee, both rounded to paise on their own.
    const notionals = [d('0.4').mul('101.101'), d('0.4').mul('102.102'), d('0.2').mul('100.1')];
    const paid = notionals.reduce((sum, n) => sum + paise(n) + paise(n.mul(10).div(10_000)), 0n);
    const portfolio = await trading.prisma.portfolio.findUniqueOrThrow({ where: { userId: trader.userId } });
    expect(portfolio.cashMinor).toBe(100_000_000n - paid);
  });

  it('fills a market sell at the bid minus slippage', async () => {
    await tick(3, '99', '101');
    const placed = await place('SELL', '0.4');
    expect(placed.status).toBe('FILLED');
    const order = await read(placed.id);
    expect(order.averageFillPrice).toBe('98.901');
    expect(order.events.find((e) => e.type === 'FILLED')!.tradeId).toBe(`paper:${placed.id}`);
  });

  it('fills at the last price when the feed has no bid/ask', async () => {
    await trading.tick(SYMBOL, '100', undefined, { at: at(4) });
    const placed = await place('BUY', '0.1');
    expect((await read(placed.id)).averageFillPrice).toBe('100.1');
  });
});
