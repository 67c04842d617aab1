import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../platform/events/envelope';
import { MarketTopics, type MarketTickPayload } from '../../platform/events/topics';
import { createTestKafkaBus, eventually } from '../support/env';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { register, type ApiUser } from './api';
import { startProductionShape, withProcessOutput, type ProductionShape } from './harness';
import { PRODUCTION_TUNING, killInTurn, shapeClient } from './killCycle';

// The production shape (./harness.ts) with the market feed (the Binance emulator as its own process,
// emulators/binance/main.ts, ingested by signals through CCXT: MARKET_DATA_EXCHANGE=binance,
// MARKET_DATA_REST_URL, MARKET_DATA_WS_URL): a paper order filled from its ticks; then recovering from
// kill -9 of trading, billing and the gateway while traffic runs; users registered while billing or
// trading is down get their FREE plan and paper portfolio, once, when it is back (productionShape.test.ts
// kills the other subgraphs).
let shape: ProductionShape | undefined;
const client = shapeClient(() => shape!);
let observer: ReturnType<typeof createTestKafkaBus> | undefined;
const ticks: MarketTickPayload[] = [];

beforeAll(async () => {
  shape = await startProductionShape({ marketFeed: true, tuning: PRODUCTION_TUNING });
  // What signals' ingestion puts on market.ticks, seen by a consumer group of the test's own.
  observer = createTestKafkaBus('market-feed-observer', shape.inputs.kafkaNamespace);
  await observer.start();
  await observer.subscribe({
    groupId: 'market-feed-observer',
    topics: [MarketTopics.ticks],
    handler: async (event: EventEnvelope) => void ticks.push(event.payload as MarketTickPayload),
  });
}, 300_000);

afterAll(async () => {
  await observer?.stop();
  await shape?.stop();
}, 60_000);

interface PlacedOrder {
  id: string;
  status: string;
  filledQuantity: string;
  averageFillPrice: string | null;
}

const ORDER_FIELDS = 'id status filledQuantity averageFillPrice';

async function portfolioReady(url: string, user: ApiUser): Promise<void> {
  await eventually(
    async () => {
      const result = await postGraphQL<{ me: { portfolio: { id: string } | null } | null }>(
        url,
        '{ me { portfolio { id } } }',
        {},
        user.headers,
      );
      return result.data?.me?.portfolio ? true : undefined;
    },
    60_000,
    'the paper portfolio',
  );
}

describe('the production shape with the market feed, recovering', () => {
  it(
    'fills a paper market order at a price from the exchange feed',
    () =>
      withProcessOutput(shape, async () => {
        const url = shape!.gatewayUrls[0]!;
        const trader = await register(url, 'trader');
        await portfolioReady(url, trader);
        // The feed runs: signals ingested a BTC-USDT price from the exchange and published it.
        await eventually(
          async () => (ticks.some((tick) => tick.symbol === 'BTC-USDT' && tick.ask) ? true : undefined),
          60_000,
          'a BTC-USDT tick on market.ticks',
        );
        const { placeOrder } = await expectData<{ placeOrder: PlacedOrder }>(
          url,
          `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER_FIELDS} } }`,
          {
            input: {
              symbol: 'BTC-USDT',
              side: 'BUY',
              type: 'MARKET',
              quantity: '0.01',
              clientOrderId: `feed-${randomUUID()}`,
            },
          },
          trader.headers,
        );
        const filled = await eventually(
          async () => {
            const { tradeOrder } = await expectData<{ tradeOrder: PlacedOrder | null }>(
              url,
              `query($id: ID!) { tradeOrder(id: $id) { ${ORDER_FIELDS} } }`,
              { id: placeOrder.id },
              trader.headers,
            );
            return tradeOrder?.status === 'FILLED' ? tradeOrder : undefined;
          },
          30_000,
          'the order filled',
        );
        expect(filled.filledQuantity).toBe('0.01');
        // Filled at an ask the feed published (no slippage configured), not at a seeded or made-up price.
        const asks = ticks.filter((tick) => tick.symbol === 'BTC-USDT').map((tick) => Number(tick.ask));
        expect(asks).toContain(Number(filled.averageFillPrice));
        const { me } = await expectData<{
          me: { portfolio: { positions: { symbol: string; quantity: string }[] } };
        }>(url, '{ me { portfolio { positions { symbol quantity } } } }', {}, trader.headers);
        expect(me.portfolio.positions).toEqual([{ symbol: 'BTC-USDT', quantity: '0.01' }]);
      }),
    240_000,
  );

  it(
    'survives kill -9 of trading, billing and the gateway in turn: readyz, SERVICE_UNAVAILABLE for that subgraph only, recovery, no event lost',
    () =>
      withProcessOutput(shape, async () => {
        const figures = await killInTurn(shape!, client, ['trading', 'billing', 'gateway']);
        expect(Object.keys(figures)).toEqual(['trading', 'billing', 'gateway']);
      }),
    300_000,
  );
});
