import { randomUUID } from 'node:crypto';
import { startLiveTrading, type LiveTrading } from './liveTestKit';
import { foldPortfolioEvents } from './services/projectionRebuild';
import { codeOf } from './testHarness';

// Lot sizes and stop orders on a live account: CCXT against our Binance-compatible server, whose
// LOT_SIZE filter and STOP_LOSS/TAKE_PROFIT triggers behave as Binance's do.
let kit: LiveTrading;

beforeAll(async () => {
  kit = await startLiveTrading({}, [
    { symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT' },
    { symbol: 'ETHUSDT', baseAsset: 'ETH', quoteAsset: 'USDT', stepSize: '0.001', minQty: '0.01' },
  ]);
});
afterAll(() => kit?.stop());
beforeEach(async () => {
  kit.reset('50000');
  kit.exchange.book.setPrice('ETHUSDT', '3000');
  await kit.trading.tick('BTC-USDT', '50000'); // the last price pre-trade risk and stop mapping read
  await kit.trading.tick('ETH-USDT', '3000'); // names the instrument ETH fills are kept under
});

const orderPosts = () =>
  kit.exchange.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/order').length;
const eventTypes = async (orderId: string) =>
  (await kit.trading.prisma.tradeEvent.findMany({ where: { orderId }, orderBy: { sequence: 'asc' } })).map(
    (e) => e.type,
  );

describe('live quantities on the exchange lot size', () => {
  it('rounds the quantity down to the step before sending, and the same key replays the order', async () => {
    const clientOrderId = randomUUID();
    const placed = await kit.place({ quantity: '0.0123456', clientOrderId });
    expect(placed).toMatchObject({ status: 'FILLED', quantity: '0.01234', filledQuantity: '0.01234' });
    expect(kit.onExchange(placed.id)[0]!.origQty.toFixed()).toBe('0.01234');
    expect((await kit.place({ quantity: '0.0123456', clientOrderId })).id).toBe(placed.id);

    const eth = await kit.place({
      symbol: 'ETH-USDT',
      type: 'LIMIT',
      limitPrice: '3000',
      quantity: '0.0157',
    });
    expect(eth).toMatchObject({ status: 'FILLED', quantity: '0.015' });
  });

  it('refuses a quantity below the minimum with BAD_USER_INPUT before any order exists', async () => {
    const posts = orderPosts();
    const clientOrderId = randomUUID();
    const tooSmall = await kit.tryPlace({ quantity: '0.000009', clientOrderId });
    expect(codeOf(tooSmall)).toBe('BAD_USER_INPUT');
    expect(tooSmall.errors![0]!.message).toMatch(/below the exchange's minimum of 0.00001/);
    // Rounded down to the 0.001 step, 0.0199 ETH is 0.019: fine; 0.0099 is 0.009, under the 0.01 minimum.
    const eth = { symbol: 'ETH-USDT', type: 'LIMIT', limitPrice: '1000' };
    expect(codeOf(await kit.tryPlace({ ...eth, quantity: '0.0099' }))).toBe('BAD_USER_INPUT');
    expect((await kit.place({ ...eth, quantity: '0.0199' })).quantity).toBe('0.019');
    expect(orderPosts() - posts).toBe(1);
    const rows = await kit.trading.prisma.tradeOrder.count({ where: { clientOrderId } });
    expect(rows).toBe(0);
  });

  it('settles an order the exchange closed for less than asked as FILLED at what it executed', async () => {
    kit.exchange.book.setQuantityRounding('0.001'); // the venue truncates 0.0125 to 0.012 and closes it
    const placed = await kit.place({ quantity: '0.0125' });
    expect(placed).toMatchObject({ status: 'FILLED', quantity: '0.012', filledQuantity: '0.012' });
    expect(placed.reason).toBe('Closed by the exchange at 0.012 of 0.0125');
    expect(await eventTypes(placed.id)).toEqual(['NEW', 'ACCEPTED', 'PARTIALLY_FILLED', 'CLOSED']);
    const order = await kit.trading.prisma.tradeOrder.findUniqueOrThrow({ where: { id: placed.id } });
    const events = await kit.trading.prisma.tradeEvent.findMany({
      where: { portfolioId: order.portfolioId },
      orderBy: { sequence: 'asc' },
    });
    const rebuilt = foldPortfolioEvents(events).orders.get(placed.id)!;
    expect([rebuilt.status, rebuilt.quantity.toFixed(), rebuilt.filledQuantity.toFixed()]).toEqual([
      'FILLED',
      '0.012',
      '0.012',
    ]);
  });

  it('keeps the fills of an order canceled after a partial fill', async () => {
    kit.exchange.book.setFillCap('0.004');
    const placed = await kit.place({ type: 'LIMIT', limitPrice: '49000' });
    kit.exchange.book.setPrice('BTCUSDT', '48900');
    const canceled = await kit.cancel(placed.id);
    expect(canceled).toMatchObject({ status: 'CANCELED', filledQuantity: '0.004', quantity: '0.01' });
    expect(await eventTypes(placed.id)).toEqual(['NEW', 'ACCEPTED', 'PARTIALLY_FILLED', 'CANCELED']);
  });
});

describe('live stop orders', () => {
  it('sends a sell STOP below the market as STOP_LOSS, filled when the price falls through it', async () => {
    const placed = await kit.place({ side: 'SELL', type: 'STOP', stopPrice: '49000' });
    expect(placed.status).toBe('ACCEPTED');
    const [sent] = kit.onExchange(placed.id);
    expect([sent!.type, sent!.stopPrice.toFixed()]).toEqual(['STOP_LOSS', '49000']);
    kit.exchange.book.setPrice('BTCUSDT', '49500');
    expect((await kit.syncOrder(placed.id)).status).toBe('ACCEPTED');
    kit.exchange.book.setPrice('BTCUSDT', '48900');
    const filled = await kit.syncOrder(placed.id);
    expect([filled.status, filled.averageFillPrice!.toFixed()]).toEqual(['FILLED', '48900']);
  });

  it('sends a sell STOP above the market as TAKE_PROFIT, filled when the price rises to it', async () => {
    const placed = await kit.place({ side: 'SELL', type: 'STOP', stopPrice: '52000' });
    expect(kit.onExchange(placed.id)[0]!.type).toBe('TAKE_PROFIT');
    kit.exchange.book.setPrice('BTCUSDT', '49000');
    expect((await kit.syncOrder(placed.id)).status).toBe('ACCEPTED');
    kit.exchange.book.setPrice('BTCUSDT', '52100');
    expect((await kit.syncOrder(placed.id)).status).toBe('FILLED');
  });

  it('sends STOP_LIMIT as STOP_LOSS_LIMIT or TAKE_PROFIT_LIMIT with its limit, filled within it', async () => {
    const breakout = await kit.place({ type: 'STOP_LIMIT', stopPrice: '51000', limitPrice: '51200' });
    const dip = await kit.place({ type: 'STOP_LIMIT', stopPrice: '49000', limitPrice: '48800' });
    const sent = [breakout, dip].map((o) => kit.onExchange(o.id)[0]!);
    expect(sent.map((o) => [o.type, o.stopPrice.toFixed(), o.price.toFixed()])).toEqual([
      ['STOP_LOSS_LIMIT', '51000', '51200'],
      ['TAKE_PROFIT_LIMIT', '49000', '48800'],
    ]);
    kit.exchange.book.setPrice('BTCUSDT', '51100');
    const bought = await kit.syncOrder(breakout.id);
    expect([bought.status, bought.averageFillPrice!.toFixed()]).toEqual(['FILLED', '51100']);
    // Triggered at 48900, but above its 48800 limit: it rests until the price comes down to it.
    kit.exchange.book.setPrice('BTCUSDT', '48900');
    expect((await kit.syncOrder(dip.id)).status).toBe('ACCEPTED');
    kit.exchange.book.setPrice('BTCUSDT', '48700');
    expect((await kit.syncOrder(dip.id)).status).toBe('FILLED');
  });
});
