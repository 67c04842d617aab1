import type { Viewer } from '../../platform/auth/viewer';
import { Prisma } from '../../platform/prisma';
import { startLiveTrading, type LiveTrading } from './liveTestKit';
import { STARTING_CASH_MINOR } from './services/portfolios';
import { instrumentIdOf, viewer } from './testHarness';

// The CCXT adapter (ccxt's real `binance` class) against our Binance-compatible server on 127.0.0.1.
let kit: LiveTrading;
let trader: Viewer;
let accountId: string;

beforeAll(async () => {
  kit = await startLiveTrading({ LIVE_BREAKER_THRESHOLD: 3 });
  ({ trader, accountId } = kit);
  // Pre-trade risk prices market orders at the last tick; it also names the instrument live fills are kept under.
  await kit.trading.tick('BTC-USDT', '50000');
});
afterAll(() => kit?.stop());
beforeEach(() => kit.reset('50000'));

const place = (input: Record<string, unknown>, as: Viewer = trader, account = accountId) =>
  kit.place({ exchangeAccountId: account, ...input }, as);
const onExchange = (orderId: string) => kit.onExchange(orderId);
const orderPosts = () =>
  kit.exchange.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/order').length;
const fillsOf = (orderId: string) =>
  kit.trading.prisma.tradeEvent.findMany({
    where: { orderId, tradeId: { not: null } },
    orderBy: { sequence: 'asc' },
  });
const syncOrder = (id: string) => kit.syncOrder(id);

describe('live orders through CCXT', () => {
  it('places a market order with our order id as client id and records its fill, outside paper cash', async () => {
    const placed = await place({});
    expect(placed).toMatchObject({ status: 'FILLED', filledQuantity: '0.01', averageFillPrice: '50000' });
    expect(onExchange(placed.id)).toHaveLength(1);
    const [fill] = await fillsOf(placed.id);
    expect(fill!.tradeId).toMatch(new RegExp(`^live:${accountId}:BTC-USDT:\\d+$`));
    const portfolio = await kit.trading.prisma.portfolio.findUniqueOrThrow({
      where: { userId: trader.userId },
    });
    expect(portfolio.cashMinor).toBe(STARTING_CASH_MINOR);
    // Kept under the instrument the BTC-USDT tick named, held on the account.
    expect(fill!.instrumentId).toBe(instrumentIdOf('BTC-USDT'));
    const position = await kit.trading.prisma.position.findUniqueOrThrow({
      where: {
        portfolioId_instrumentId_venue: {
          portfolioId: portfolio.id,
          instrumentId: instrumentIdOf('BTC-USDT'),
          venue: accountId,
        },
      },
    });
    expect([position.quantity.toFixed(), position.exchangeAccountId]).toEqual(['0.01', accountId]);
  });

  it('refuses a live order on a symbol no tick has named an instrument for, without sending it', async () => {
    const posts = orderPosts();
    const placed = await place({ symbol: 'ETH-USDT', type: 'LIMIT', limitPrice: '3000' });
    expect(placed).toMatchObject({
      status: 'REJECTED',
      reason: 'No market price for ETH-USDT yet: no tick has arrived',
    });
    expect(orderPosts()).toBe(posts);
    expect(onExchange(placed.id)).toHaveLength(0);
  });

  it('fills a resting limit order in parts as the exchange reports them, each trade once', async () => {
    kit.exchange.book.setFillCap('0.004');
    const placed = await place({ type: 'LIMIT', limitPrice: '49000' });
    expect(placed.status).toBe('ACCEPTED');
    kit.exchange.book.setPrice('BTCUSDT', '48900');
    expect(await syncOrder(placed.id)).toMatchObject({ status: 'PARTIALLY_FILLED' });
    await syncOrder(placed.id); // the same trades again: nothing new
    expect(await fillsOf(placed.id)).toHaveLength(1);
    kit.exchange.book.setPrice('BTCUSDT', '48800');
    kit.exchange.book.setPrice('BTCUSDT', '48800');
    const done = await syncOrder(placed.id);
    expect(done.status).toBe('FILLED');
    expect(done.filledQuantity.toFixed()).toBe('0.01');
    expect((await fillsOf(placed.id)).map((f) => f.quantity!.toFixed())).toEqual(['0.004', '0.004', '0.002']);
  });

  it('cancels on the exchange, then records the cancel', async () => {
    const placed = await place({ type: 'LIMIT', limitPrice: '40000' });
    expect(await kit.cancel(placed.id)).toMatchObject({ status: 'CANCELED', filledQuantity: '0' });
    expect(onExchange(placed.id)[0]!.status).toBe('CANCELED');
  });

  it('rejects with the reason on a final error (insufficient balance), without retrying', async () => {
    kit.exchange.book.balances.set('USDT', new Prisma.Decimal(10));
    const posts = orderPosts();
    const placed = await place({});
    expect(placed.status).toBe('REJECTED');
    expect(placed.reason).toMatch(/insufficient balance/);
    expect(orderPosts() - posts).toBe(1);
  });

  it('retries a 5xx, looking the order up before each new send, and places it once', async () => {
    kit.exchange.inject({ method: 'POST', path: '/api/v3/order', times: 2, status: 503 });
    const posts = orderPosts();
    const placed = await place({});
    expect(placed.status).toBe('FILLED');
    expect(orderPosts() - posts).toBe(3);
    expect(onExchange(placed.id)).toHaveLength(1);
  });

  it('reconciles a timed-out placement by client order id instead of placing it twice', async () => {
    // The exchange takes the order but answers after the client gave up (timeout: outcome unknown).
    kit.exchange.inject({ method: 'POST', path: '/api/v3/order', times: 1, delayMs: 1_000 });
    const posts = orderPosts();
    const placed = await place({});
    expect(placed.status).toBe('FILLED');
    expect(orderPosts() - posts).toBe(1);
    expect(onExchange(placed.id)).toHaveLength(1);
  });

  it('opens the circuit after repeated failures, refuses at once, and half-opens after a while', async () => {
    const other: Viewer = { ...viewer('TRADER'), kyc: 'VERIFIED' };
    const account = await kit.connect(other);
    expect((await place({}, other, account)).status).toBe('FILLED'); // markets loaded, circuit closed
    kit.exchange.inject({ times: 1_000, status: 503 });
    // 3 failed calls open the circuit; the first send may have landed, so the order stays NEW.
    const unknown = await place({}, other, account);
    expect(unknown.status).toBe('NEW');
    const seen = kit.exchange.requests.length;
    const refused = await place({}, other, account);
    expect(refused).toMatchObject({ status: 'REJECTED' });
    expect(refused.reason).toMatch(/circuit .* is open/);
    expect(kit.exchange.requests.length).toBe(seen);
    // Another account's circuit is its own: its calls still reach the exchange.
    await place({ type: 'LIMIT', limitPrice: '1000' });
    expect(kit.exchange.requests.length).toBeGreaterThan(seen);
    kit.exchange.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 250));
    // Half-open: the trial call (the sync's look-up) succeeds and closes the circuit.
    await syncOrder(unknown.id);
    expect((await place({}, other, account)).status).toBe('FILLED');
    expect(onExchange(unknown.id)).toHaveLength(0);
  });
});
