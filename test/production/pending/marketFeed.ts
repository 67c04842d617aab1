// PENDING: rename to test/production/marketFeed.test.ts once the market-data ingestion lands (the market
// helper's branch): emulators/binance/main.ts printing {"url","wsUrl"}, and signals ingesting from it with
// MARKET_DATA_EXCHANGE=binance, MARKET_DATA_REST_URL, MARKET_DATA_WS_URL (test/production/deployment.ts
// passes them). Without it nothing produces market.ticks in the production shape and a paper order is
// refused, so this file is kept out of jest's `**/*.test.ts` until then.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../platform/events/envelope';
import { MarketTopics, type MarketTickPayload } from '../../../platform/events/topics';
import { createTestKafkaBus, eventually } from '../../support/env';
import { expectData, postGraphQL } from '../../support/graphqlClient';
import { register, type ApiUser } from '../api';
import { startProductionShape, withProcessOutput, type ProductionShape } from '../harness';

let shape: ProductionShape | undefined;
let observer: ReturnType<typeof createTestKafkaBus> | undefined;
const ticks: MarketTickPayload[] = [];

beforeAll(async () => {
  shape = await startProductionShape({
    marketFeed: true,
    tuning: { KAFKA_SESSION_TIMEOUT_MS: '6000', KAFKAJS_NO_PARTITIONER_WARNING: '1' },
  });
  // What signals' ingestion puts on market.ticks, seen by a consumer group of the test's own.
  observer = createTestKafkaBus('market-feed-observer', shape.inputs.kafkaNamespace);
  await observer.start();
  await observer.subscribe({
    groupId: 'market-feed-observer',
    topics: [MarketTopics.ticks],
    handler: async (event: EventEnvelope) => void ticks.push(event.payload as MarketTickPayload),
  });
}, 170_000);

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

describe('the production shape with the market feed', () => {
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
    120_000,
  );
});
