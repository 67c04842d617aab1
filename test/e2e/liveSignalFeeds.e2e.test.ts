import { eventually } from '../support/env';
import { startLiveHarness, type LiveHarness } from './liveHarness';
import { DEMO_ANALYST_NAME } from '../../prisma/seed/data';

// signalUpdated and marketTicks through the gateway's graphql-ws server: real Kafka, Redis, PostgreSQL
// and WebSocket clients; events reach the gateway on this run's own Redis channels.
const UPDATED = `subscription($symbols: [String!]) { signalUpdated(symbols: $symbols) {
  id status closedAt instrument { symbol } author { name } } }`;
const PUBLISHED = 'subscription { signalPublished { id } }';
const TICKS = 'subscription($symbols: [String!]!) { marketTicks(symbols: $symbols) { symbol price bid at } }';

type Updated = {
  signalUpdated: { id: string; status: string; instrument: { symbol: string }; author: { name: string } };
};
type Tick = { marketTicks: { symbol: string; price: string; bid: string | null; at: string } };

describe('signal updates and market ticks over graphql-ws', () => {
  let live: LiveHarness;

  beforeAll(async () => {
    live = await startLiveHarness('feeds');
  }, 180_000);

  afterAll(async () => {
    await live?.stop();
  });

  async function publishSignal(symbol: string) {
    const data = await live.graphql<{ publishSignal: { id: string; sequence: string; createdAt: string } }>(
      'analyst',
      `mutation($input: PublishSignalInput!) { publishSignal(input: $input) { id sequence createdAt } }`,
      {
        input: {
          symbol,
          side: 'BUY',
          entryPrice: '60000',
          targetPrice: '66000',
          stopLoss: '57000',
          confidence: 70,
          rationale: 'live e2e',
        },
      },
    );
    return data.publishSignal;
  }

  it('delivers a closed signal to signalUpdated subscribers, resolved through the supergraph', async () => {
    const watcher = live.connect(live.tokens.premium);
    const updates = watcher.subscribe<Updated>(UPDATED, { symbols: ['btc-usdt'] });
    const elsewhere = live
      .connect(live.tokens.enterprise)
      .subscribe<Updated>(UPDATED, { symbols: ['ETH-USDT'] });
    const publications = live
      .connect(live.tokens.enterprise)
      .subscribe<{ signalPublished: { id: string } }>(PUBLISHED);
    await live.waitForSubscribers(3);
    const signal = await publishSignal('BTC-USDT');
    await eventually(async () => publications.messages[0], 15_000, 'the publication');
    // signals: the cancellation commits with its outbox event → Kafka signals.updated → fan-out → Redis.
    await live.graphql('analyst', 'mutation($id: ID!) { cancelSignal(id: $id) { id } }', { id: signal.id });
    await eventually(async () => updates.messages[0], 15_000, 'the update');
    // Sentinel: a second BTC-USDT signal, published then cancelled. Both topics are keyed by instrument
    // and the outbox relays in commit order, so a second update of the first signal, or a publication
    // made by its cancellation, would have reached these subscribers before the sentinel's.
    const sentinel = await publishSignal('BTC-USDT');
    await eventually(async () => publications.messages[1], 15_000, 'the sentinel publication');
    await live.graphql('analyst', 'mutation($id: ID!) { cancelSignal(id: $id) { id } }', { id: sentinel.id });
    await eventually(async () => updates.messages[1], 15_000, 'the sentinel update');
    expect(updates.messages.map((m) => m.data?.signalUpdated.id)).toEqual([signal.id, sentinel.id]);
    expect(updates.messages[0]!.errors).toBeUndefined();
    expect(updates.messages[0]!.data?.signalUpdated).toMatchObject({
      id: signal.id,
      status: 'CANCELLED',
      instrument: { symbol: 'BTC-USDT' },
      author: { name: DEMO_ANALYST_NAME },
    });
    // The gateway matched each update against this ETH-USDT filter when it arrived, before the sentinel.
    expect(elsewhere.messages).toEqual([]);
    // The update is not a publication.
    expect(publications.messages.map((m) => m.data?.signalPublished.id)).toEqual([signal.id, sentinel.id]);
  });

  it('refuses marketTicks to FREE with FORBIDDEN at subscribe time', async () => {
    const free = live.connect(live.tokens.free);
    const ticks = free.subscribe<Tick>(TICKS, { symbols: ['BTC-USDT'] });
    await eventually(async () => ticks.messages[0], 10_000, 'the refusal');
    expect(ticks.messages[0]!.data).toBeUndefined();
    expect(ticks.messages[0]!.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('streams ticks of the chosen symbols to PREMIUM and ENTERPRISE, latest price first', async () => {
    const before = live.stack.gateway.live.hub.stats().subscribers;
    const premium = live.connect(live.tokens.premium).subscribe<Tick>(TICKS, { symbols: ['btc-usdt'] });
    const enterprise = live.connect(live.tokens.enterprise).subscribe<Tick>(TICKS, { symbols: ['ETH-USDT'] });
    await live.waitForSubscribers(before + 2);
    // Ticks on Kafka market.ticks, republished by signals to the ticks channel.
    await live.produceMarketTick('BTC-USDT', '60001.5');
    await live.produceMarketTick('ETH-USDT', '3001');
    await live.produceMarketTick('SOL-USDT', '150');
    await eventually(async () => premium.messages[0], 15_000, 'a BTC tick');
    await eventually(async () => enterprise.messages[0], 15_000, 'an ETH tick');
    expect(premium.messages.map((m) => m.data?.marketTicks)).toEqual([
      { symbol: 'BTC-USDT', price: '60001.5', bid: '60001.5', at: expect.any(String) },
    ]);
    expect(enterprise.messages.map((m) => m.data?.marketTicks.symbol)).toEqual(['ETH-USDT']);
  });
});
