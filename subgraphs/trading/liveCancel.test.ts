import { startLiveTrading, type LiveTrading } from './liveTestKit';

// cancelOrder on a live order the exchange cannot confirm yet: the cancel is recorded and honoured,
// never answered with CONFLICT while the placement's outcome is unknown.
let kit: LiveTrading;

beforeAll(async () => {
  kit = await startLiveTrading();
});
afterAll(() => kit?.stop());
beforeEach(async () => {
  kit.reset('50000');
  await kit.trading.tick('BTC-USDT', '50000');
});

const RESTING = { type: 'LIMIT', limitPrice: '40000' };

/** Every send fails with a 503 after it may have landed: the order stays NEW, outcome unknown. */
async function placeWithUnknownOutcome() {
  kit.exchange.inject({ method: 'POST', path: '/api/v3/order', times: 4, status: 503 });
  const placed = await kit.place(RESTING);
  kit.exchange.clearFaults();
  expect(placed).toMatchObject({ status: 'NEW', cancelRequested: false });
  expect(kit.onExchange(placed.id)).toHaveLength(0);
  return placed;
}

/** As if the order had been placed longer ago than the reconciliation window. */
const backdate = (id: string) =>
  kit.trading.prisma.tradeOrder.update({
    where: { id },
    data: { createdAt: new Date(Date.now() - 5 * 60_000) },
  });

const eventTypes = async (orderId: string) =>
  (await kit.trading.prisma.tradeEvent.findMany({ where: { orderId }, orderBy: { sequence: 'asc' } })).map(
    (e) => e.type,
  );

describe('canceling a live order the exchange has not confirmed', () => {
  it('records the cancel of an order not on the exchange, and cancels it once the window has passed', async () => {
    const placed = await placeWithUnknownOutcome();
    const pending = await kit.cancel(placed.id);
    expect(pending).toMatchObject({ status: 'NEW', cancelRequested: true });
    expect(await kit.cancel(placed.id)).toMatchObject({ status: 'NEW', cancelRequested: true });

    await backdate(placed.id);
    const settled = await kit.syncOrder(placed.id);
    expect([settled.status, settled.reason]).toEqual([
      'CANCELED',
      'Canceled by the user; it never reached the exchange',
    ]);
    // Recorded once, however often it was asked for.
    expect(await eventTypes(placed.id)).toEqual(['NEW', 'CANCEL_REQUESTED', 'CANCELED']);
  });

  it('cancels at once an unknown order the exchange still has not seen after the window', async () => {
    const placed = await placeWithUnknownOutcome();
    await backdate(placed.id);
    expect(await kit.cancel(placed.id)).toMatchObject({ status: 'CANCELED', cancelRequested: true });
  });

  it('does not cancel locally what it could not ask the exchange about, however old', async () => {
    const placed = await placeWithUnknownOutcome();
    await backdate(placed.id);
    kit.exchange.inject({ times: 8, status: 503 });
    expect(await kit.cancel(placed.id)).toMatchObject({ status: 'NEW', cancelRequested: true });
    kit.exchange.clearFaults();
    expect((await kit.syncOrder(placed.id)).status).toBe('CANCELED');
  });

  it('cancels it on the exchange when the order turns up there after the cancel was asked for', async () => {
    const placed = await placeWithUnknownOutcome();
    expect((await kit.cancel(placed.id)).cancelRequested).toBe(true);
    // The lost send lands late (the exchange knows it by our client order id).
    kit.exchange.book.place({
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      quantity: '0.01',
      price: '40000',
      newClientOrderId: placed.id,
    });
    const settled = await kit.syncOrder(placed.id);
    expect(settled.status).toBe('CANCELED');
    expect(kit.onExchange(placed.id)[0]!.status).toBe('CANCELED');
    expect(await eventTypes(placed.id)).toEqual(['NEW', 'CANCEL_REQUESTED', 'ACCEPTED', 'CANCELED']);
  });

  it('finds and cancels an unknown placement that did reach the exchange', async () => {
    // The send lands but its answer is lost, and so are the look-ups: the outcome stays unknown.
    kit.exchange.inject({ method: 'POST', path: '/api/v3/order', times: 1, delayMs: 1_000 });
    kit.exchange.inject({ method: 'GET', path: '/api/v3/order', times: 3, status: 503 });
    const placed = await kit.place(RESTING);
    expect(placed.status).toBe('NEW');
    kit.exchange.clearFaults();
    expect(await kit.cancel(placed.id)).toMatchObject({ status: 'CANCELED', cancelRequested: false });
    expect(kit.onExchange(placed.id)[0]!.status).toBe('CANCELED');
  });

  it('records a cancel the exchange cannot be reached for, and the sync sends it', async () => {
    const placed = await kit.place(RESTING);
    expect(placed.status).toBe('ACCEPTED');
    kit.exchange.inject({ method: 'DELETE', path: '/api/v3/order', times: 4, status: 503 });
    expect(await kit.cancel(placed.id)).toMatchObject({ status: 'ACCEPTED', cancelRequested: true });
    expect(kit.onExchange(placed.id)[0]!.status).toBe('NEW');
    kit.exchange.clearFaults();
    expect((await kit.syncOrder(placed.id)).status).toBe('CANCELED');
    expect(kit.onExchange(placed.id)[0]!.status).toBe('CANCELED');
  });
});
