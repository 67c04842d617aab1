import { randomUUID } from 'node:crypto';
import { marketTickEnvelope } from '../../platform/events/marketTick';
import type { MarketTickPayload } from '../../platform/events/topics';
import { instrumentIdOf, startTrading, viewer, type TradingHarness } from './testHarness';

// Paper fills do not act on a stale quote: the tick's own time, against the feed's staleness limit.
const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { id status events { type reason } } }`;
const ORDER = `query($id: ID!) { tradeOrder(id: $id) { status filledQuantity } }`;
const SYMBOL = 'STALE-USDT';

let trading: TradingHarness;
const trader = viewer('TRADER');

beforeAll(async () => {
  trading = await startTrading();
});
afterAll(async () => {
  await trading?.stop();
});

/** Delivers a tick quoted `ageSeconds` ago, as the paper exchange's consumer would receive it. */
async function tick(price: string, ageSeconds: number) {
  const payload: MarketTickPayload = {
    instrumentId: instrumentIdOf(SYMBOL),
    symbol: SYMBOL,
    price,
    bid: null,
    ask: null,
    at: new Date(Date.now() - ageSeconds * 1000).toISOString(),
    source: 'SIMULATED',
    staleAfterSeconds: 30,
  };
  await trading.subgraph.consumers[3]!.handle(marketTickEnvelope(payload));
}

type Placed = {
  placeOrder: { id: string; status: string; events: { type: string; reason: string | null }[] };
};
const place = async (input: Record<string, string>) => {
  const result = await trading.run<Placed>(
    PLACE,
    { input: { symbol: SYMBOL, clientOrderId: randomUUID(), ...input } },
    trader,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.placeOrder;
};

it('refuses a market order while the latest quote is stale, and fills it once a fresh quote arrives', async () => {
  // The store keeps the newest quote: a fresh one first would hide the stale one, so start stale.
  await tick('100', 120);
  const refused = await place({ side: 'BUY', type: 'MARKET', quantity: '0.1' });
  expect(refused.status).toBe('REJECTED');
  expect(refused.events.find((e) => e.type === 'REJECTED')!.reason).toMatch(/stale/);

  const resting = await place({ side: 'BUY', type: 'LIMIT', quantity: '0.1', limitPrice: '101' });
  expect(resting.status).toBe('ACCEPTED');
  // A stale tick that crosses the limit does not fill it...
  await tick('99', 120);
  const unfilled = await trading.run<{ tradeOrder: { status: string } }>(ORDER, { id: resting.id }, trader);
  expect(unfilled.data!.tradeOrder.status).toBe('ACCEPTED');
  // ...a fresh one does.
  await tick('99', 0);
  const filled = await trading.run<{ tradeOrder: { status: string } }>(ORDER, { id: resting.id }, trader);
  expect(filled.data!.tradeOrder.status).toBe('FILLED');
});
