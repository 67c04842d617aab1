import { randomUUID } from 'node:crypto';
import { codeOf, startTrading, viewer, type TradingHarness } from './testHarness';

interface OrderView {
  id: string;
  status: string;
  reason: string | null;
  filledQuantity: string;
  averageFillPrice: string | null;
  events: { type: string; tradeId: string | null; price: string | null }[];
}

const ORDER = `id status reason filledQuantity averageFillPrice events { type tradeId price }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER} } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id) { ${ORDER} } }`;
const POSITIONS = `{ myPortfolio { cash { amount } value { amount }
  positions { symbol quantity averagePrice unrealizedPnl realizedPnl markPrice } } }`;

let trading: TradingHarness;
beforeAll(async () => {
  trading = await startTrading();
});
afterAll(async () => {
  await trading?.stop();
});

const order = (input: Record<string, unknown>) => ({
  symbol: 'BTC-USDT',
  side: 'BUY',
  type: 'MARKET',
  quantity: '0.01',
  clientOrderId: randomUUID(),
  ...input,
});

async function place(as: ReturnType<typeof viewer>, input: Record<string, unknown>): Promise<OrderView> {
  const result = await trading.run<{ placeOrder: OrderView }>(PLACE, { input: order(input) }, as);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.placeOrder;
}

describe('placeOrder on the paper exchange', () => {
  const trader = viewer('TRADER');

  it('rejects a market order before any tick has arrived, and says why', async () => {
    const placed = await place(trader, { symbol: 'NOTICK-USDT' });
    expect(placed).toMatchObject({
      status: 'REJECTED',
      reason: 'No market price for NOTICK-USDT yet: no tick has arrived',
    });
    expect(placed.events.map((e) => e.type)).toEqual(['NEW', 'REJECTED']);
  });

  it('fills a market order at the current tick', async () => {
    await trading.tick('BTC-USDT', '60000');
    await trading.tick('BTC-USDT', '60123.5');
    const placed = await place(trader, { quantity: '0.01' });
    expect(placed).toMatchObject({ status: 'FILLED', filledQuantity: '0.01', averageFillPrice: '60123.5' });
    expect(placed.events).toEqual([
      { type: 'NEW', tradeId: null, price: null },
      { type: 'ACCEPTED', tradeId: null, price: null },
      { type: 'FILLED', tradeId: `paper:${placed.id}`, price: '60123.5' },
    ]);
    // 0.01 × 60123.5 USDT × ₹85 = ₹51,104.98 (rounded half up from 51104.975).
    const portfolio = (
      await trading.run<{ myPortfolio: { cash: { amount: string } } }>(POSITIONS, {}, trader)
    ).data!;
    expect(portfolio.myPortfolio.cash.amount).toBe('948895.02');
  });

  it('returns the same order for the same clientOrderId, and CONFLICT for other input', async () => {
    const clientOrderId = randomUUID();
    const first = await place(trader, { clientOrderId, quantity: '0.001' });
    const again = await place(trader, { clientOrderId, quantity: '0.0010' });
    expect(again.id).toBe(first.id);
    expect(await trading.prisma.tradeOrder.count({ where: { clientOrderId } })).toBe(1);
    const other = await trading.run(PLACE, { input: order({ clientOrderId, quantity: '0.002' }) }, trader);
    expect(codeOf(other)).toBe('CONFLICT');
  });

  it('validates input with the field at fault', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ quantity: '-1' }, 'quantity'],
      [{ quantity: '1e3' }, 'quantity'],
      [{ quantity: '0' }, 'quantity'],
      [{ type: 'LIMIT' }, 'limitPrice'],
      [{ type: 'MARKET', limitPrice: '1' }, 'limitPrice'],
      [{ type: 'STOP_LIMIT', limitPrice: '1' }, 'stopPrice'],
      [{ symbol: 'BTC-XYZ' }, 'symbol'],
      [{ clientOrderId: 'has space' }, 'clientOrderId'],
    ];
    for (const [input, field] of cases) {
      const result = await trading.run(PLACE, { input: order(input) }, trader);
      expect([codeOf(result), result.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    expect(codeOf(await trading.run(PLACE, { input: order({}) }))).toBe('UNAUTHENTICATED');
  });

  it('rests a limit order until a tick crosses its price, and a stop until one reaches it', async () => {
    const limit = await place(trader, {
      symbol: 'ETH-USDT',
      type: 'LIMIT',
      limitPrice: '3000',
      quantity: '0.5',
    });
    expect(limit.status).toBe('ACCEPTED');
    await trading.tick('ETH-USDT', '3000.01');
    expect((await trading.prisma.tradeOrder.findUniqueOrThrow({ where: { id: limit.id } })).status).toBe(
      'ACCEPTED',
    );
    await trading.tick('ETH-USDT', '2999.5');
    const filled = await trading.prisma.tradeOrder.findUniqueOrThrow({ where: { id: limit.id } });
    expect([filled.status, filled.averageFillPrice?.toFixed()]).toEqual(['FILLED', '2999.5']);

    const stop = await place(trader, {
      symbol: 'ETH-USDT',
      side: 'SELL',
      type: 'STOP',
      stopPrice: '2900',
      quantity: '0.2',
    });
    expect(stop.status).toBe('ACCEPTED');
    await trading.tick('ETH-USDT', '2950');
    await trading.tick('ETH-USDT', '2899');
    const stopped = await trading.prisma.tradeOrder.findUniqueOrThrow({ where: { id: stop.id } });
    expect([stopped.status, stopped.averageFillPrice?.toFixed()]).toEqual(['FILLED', '2899']);
  });

  it('cancels an open order once, owner or admin only (anyone else: NOT_FOUND, like a missing id)', async () => {
    const resting = await place(trader, {
      symbol: 'ETH-USDT',
      type: 'LIMIT',
      limitPrice: '1',
      quantity: '1',
    });
    expect(codeOf(await trading.run(CANCEL, { id: resting.id }, viewer('TRADER')))).toBe('NOT_FOUND');
    const canceled = await trading.run<{ cancelOrder: OrderView }>(CANCEL, { id: resting.id }, trader);
    expect(canceled.data!.cancelOrder).toMatchObject({ status: 'CANCELED', reason: 'Canceled by the user' });
    expect(codeOf(await trading.run(CANCEL, { id: resting.id }, trader))).toBe('CONFLICT');
    expect(codeOf(await trading.run(CANCEL, { id: randomUUID() }, trader))).toBe('NOT_FOUND');
  });

  it('marks positions to the latest tick: quantity, average price, realized and unrealized PnL, value', async () => {
    const me = viewer('TRADER');
    await trading.tick('SOL-USDT', '100');
    await place(me, { symbol: 'SOL-USDT', quantity: '2' });
    await trading.tick('SOL-USDT', '130');
    await place(me, { symbol: 'SOL-USDT', quantity: '1' });
    await place(me, { symbol: 'SOL-USDT', side: 'SELL', quantity: '1.5' });
    await trading.tick('SOL-USDT', '120');
    const { myPortfolio } = (
      await trading.run<{
        myPortfolio: {
          cash: { amount: string };
          value: { amount: string };
          positions: Record<string, string>[];
        };
      }>(POSITIONS, {}, me)
    ).data!;
    // Bought 2 @100 and 1 @130 (average 110), sold 1.5 @130: realized 30; 1.5 left marked at 120.
    expect(myPortfolio.positions).toEqual([
      {
        symbol: 'SOL-USDT',
        quantity: '1.5',
        averagePrice: '110',
        unrealizedPnl: '15',
        realizedPnl: '30',
        markPrice: '120',
      },
    ]);
    // Cash: 1,000,000 - (200 + 130 - 195) × 85 = 988,525; value adds 1.5 × 120 × 85 = 15,300.
    expect(myPortfolio.cash.amount).toBe('988525.00');
    expect(myPortfolio.value.amount).toBe('1003825.00');
  });
});

describe('orders connection', () => {
  it('pages the viewer’s orders newest first, filtered by status and symbol', async () => {
    const me = viewer('TRADER');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await place(me, { symbol: 'XRP-USDT', type: 'LIMIT', limitPrice: '0.1' })).id);
    await place(me, { symbol: 'NOTICK-USDT' });
    const PAGE = `query($after: String, $filter: TradeOrderFilter) { orders(first: 2, after: $after, filter: $filter) {
      edges { cursor node { id symbol status } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      orders: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = (
        await trading.run<Page>(PAGE, { after, filter: { symbol: 'xrp-usdt', status: ['ACCEPTED'] } }, me)
      ).data!;
      seen.push(...page.orders.edges.map((edge) => edge.node.id));
      if (!page.orders.pageInfo.hasNextPage) break;
      after = page.orders.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    const rejected = await trading.run<Page>(PAGE, { filter: { status: ['REJECTED'] } }, me);
    expect(rejected.data!.orders.edges).toHaveLength(1);
    expect(codeOf(await trading.run(PAGE, { after: 'nonsense' }, me))).toBe('BAD_USER_INPUT');
    expect(codeOf(await trading.run(PAGE, {}))).toBe('UNAUTHENTICATED');
  });
});
