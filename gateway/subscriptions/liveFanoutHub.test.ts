import { buildSchema, parse } from 'graphql';
import type { Tier, Viewer } from '../../platform/auth/viewer';
import { signalTierRules } from '../../platform/signalTiers';
import { testLogger } from '../../test/support/env';
import { deriveLiveOperation, type LiveOperation } from './liveOperation';
import { createLiveFanoutHub } from './liveFanoutHub';
import { SLOW_CONSUMER_CLOSE_CODE, textFrame, type LiveSocket, type Subscriber } from './liveSockets';

const schema = buildSchema(`
  type Signal { id: ID! }
  type TradeOrder { id: ID! status: String! }
  type Instrument { name: String! }
  type MarketTick { symbol: String! price: String! at: String! instrument: Instrument }
  type Query { signal(id: ID!): Signal tradeOrder(id: ID!): TradeOrder marketTick(symbol: String!): MarketTick }
  type Subscription {
    signalPublished(symbols: [String!]): Signal!
    signalUpdated(symbols: [String!]): Signal!
    orderUpdated: TradeOrder!
    marketTicks(symbols: [String!]!): MarketTick!
  }`);

const derive = (query: string, variables: Record<string, unknown> = {}): LiveOperation => {
  const operation = deriveLiveOperation(parse(query), undefined, variables, schema);
  if (operation instanceof Error) throw operation;
  return operation;
};

function socket(bufferedAmount = 0) {
  const frames: string[] = [];
  const closes: number[] = [];
  const s: LiveSocket & { frames: string[]; closes: number[] } = {
    readyState: 1,
    bufferedAmount,
    frames,
    closes,
    close: (code) => void closes.push(code ?? 0),
  };
  return s;
}

/** A subscriber on a fake socket: each frame written is decoded back to its text. */
const subscriber = (s: ReturnType<typeof socket>, id: string): Subscriber => ({
  socket: s,
  stream: {
    write: (frame: Buffer) => void s.frames.push(frame.subarray(frame[1] === 126 ? 4 : 2).toString()),
  },
  id,
});

const viewer = (tier: Tier, userId = `user-${tier}`): Viewer => ({ userId, sessionId: 's', roles: [], tier });

const event = (symbol = 'BTC-USDT', dayIndex = 1, publishedAt = new Date().toISOString()) => ({
  signalId: `s-${symbol}-${dayIndex}`,
  sequence: String(dayIndex),
  instrumentId: 'i',
  symbol,
  publishedAt,
  dayIndex,
});

const flush = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('deriveLiveOperation', () => {
  it('turns the subscription into a query for one signal, keeping only the variables it uses', () => {
    const operation = derive(
      `subscription Live($symbols: [String!], $n: Int) { live: signalPublished(symbols: $symbols) {
        id instrument { candles(last: $n) { close } } ...More } }
       fragment More on Signal { author { id } }`,
      { symbols: ['btc-usdt'], n: 3 },
    );
    expect(operation.responseKey).toBe('live');
    expect(operation.symbols).toEqual(new Set(['BTC-USDT']));
    expect(operation.variables).toEqual({ n: 3 });
    expect(operation.query).toContain('query Live($_liveId: ID!, $n: Int)');
    expect(operation.query).toContain('live: signal(id: $_liveId)');
    expect(operation.query).toContain('fragment More on Signal');
  });

  it('refuses anything but one signalPublished field', () => {
    expect(deriveLiveOperation(parse('{ signals { id } }'), undefined, {})).toBeInstanceOf(Error);
    expect(
      deriveLiveOperation(
        parse('subscription { a: signalPublished { id } b: signalPublished { id } }'),
        null,
        {},
      ),
    ).toBeInstanceOf(Error);
  });
});

describe('signal fan-out hub', () => {
  function hub(shareExecutions = true) {
    const executions: { tier: string }[] = [];
    const instance = createLiveFanoutHub({
      rules: signalTierRules(200),
      logger: testLogger,
      shareExecutions,
      execute: async (query, variables, viewer) => {
        executions.push({ tier: viewer.tier });
        const key = /(\w+): signal\(/.exec(query)![1]!;
        return { data: { [key]: { id: variables._liveId } } };
      },
    });
    return { instance, executions };
  }
  const q = 'subscription($s: [String!]) { signalPublished(symbols: $s) { id } }';

  it('runs one execution per operation and tier, and writes the same payload to every socket', async () => {
    const { instance, executions } = hub();
    const sockets = Array.from({ length: 50 }, () => socket());
    sockets.forEach((s, i) => instance.subscribe(viewer('PREMIUM'), derive(q), subscriber(s, `sub-${i}`)));
    const filtered = socket();
    instance.subscribe(viewer('PREMIUM'), derive(q, { s: ['NSE:TCS'] }), subscriber(filtered, 'x'));
    instance.onEvent('signals', event());
    await flush();
    expect(executions).toEqual([{ tier: 'PREMIUM' }]);
    expect(sockets[7]!.frames).toEqual([
      '{"id":"sub-7","type":"next","payload":{"data":{"signalPublished":{"id":"s-BTC-USDT-1"}}}}',
    ]);
    expect(sockets.every((s) => s.frames.length === 1)).toBe(true);
    expect(filtered.frames).toEqual([]);
    // A repeat of the same event (a fan-out retry) is dropped.
    instance.onEvent('signals', event());
    await flush();
    expect(executions).toHaveLength(1);
  });

  it('the naive mode executes once per subscriber (the benchmark baseline)', async () => {
    const { instance, executions } = hub(false);
    for (let i = 0; i < 5; i++)
      instance.subscribe(viewer('PREMIUM'), derive(q), subscriber(socket(), `${i}`));
    instance.onEvent('signals', event());
    await flush();
    expect(executions).toHaveLength(5);
  });

  it('FREE gets events after the delay and only within the daily cap', async () => {
    const { instance } = hub();
    const free = socket();
    instance.subscribe(viewer('FREE'), derive(q), subscriber(free, 'f'));
    instance.onEvent('signals', event('BTC-USDT', 5));
    instance.onEvent('signals', event('BTC-USDT', 6));
    await flush();
    expect(free.frames).toEqual([]);
    await flush(250);
    expect(free.frames).toHaveLength(1);
    expect(free.frames[0]).toContain('s-BTC-USDT-5');
    instance.stop();
  });

  it("follows the event's releaseAt (stamped by signals, which owns the delay) over its own rules", async () => {
    const { instance } = hub();
    const free = socket();
    const premium = socket();
    instance.subscribe(viewer('FREE'), derive(q), subscriber(free, 'f'));
    instance.subscribe(viewer('PREMIUM'), derive(q), subscriber(premium, 'p'));
    const past = new Date(Date.now() - 1_000).toISOString();
    // The hub's own rules would hold FREE back 200 ms; the event releases it at once and PREMIUM never.
    instance.onEvent('signals', { ...event(), releaseAt: { FREE: past, PREMIUM: null, ENTERPRISE: past } });
    await flush();
    expect(free.frames).toHaveLength(1);
    expect(premium.frames).toEqual([]);
    instance.stop();
  });

  it('closes a socket whose send buffer is over the bound instead of writing to it', async () => {
    const { instance } = hub();
    const slow = socket(2_000_000);
    const fast = socket();
    instance.subscribe(viewer('ENTERPRISE'), derive(q), subscriber(slow, 's'));
    instance.subscribe(viewer('ENTERPRISE'), derive(q), subscriber(fast, 'f'));
    instance.onEvent('signals', event());
    await flush();
    expect(slow.closes).toEqual([SLOW_CONSUMER_CLOSE_CODE]);
    expect(slow.frames).toEqual([]);
    expect(fast.frames).toHaveLength(1);
  });

  it('routes UPDATED events to signalUpdated only', async () => {
    const { instance } = hub();
    const published = socket();
    const updated = socket();
    instance.subscribe(viewer('PREMIUM'), derive(q), subscriber(published, 'p'));
    instance.subscribe(
      viewer('PREMIUM'),
      derive('subscription { signalUpdated { id } }'),
      subscriber(updated, 'u'),
    );
    instance.onEvent('signals', { ...event('BTC-USDT', 9), kind: 'UPDATED' });
    await flush();
    expect(published.frames).toEqual([]);
    expect(updated.frames).toHaveLength(1);
  });
});

describe('per-user live fields', () => {
  it('delivers a user event only to that user, executed as that user', async () => {
    const runAs: string[] = [];
    const instance = createLiveFanoutHub({
      rules: signalTierRules(0),
      logger: testLogger,
      execute: async (query, variables, as) => {
        runAs.push(as.userId);
        expect(query).toContain('orderUpdated: tradeOrder(id: $_liveId)');
        return { data: { orderUpdated: { id: variables._liveId, status: 'FILLED' } } };
      },
    });
    const [mine, mineToo, theirs] = [socket(), socket(), socket()];
    const op = derive('subscription { orderUpdated { id status } }');
    instance.subscribe(viewer('FREE', 'alice'), op, subscriber(mine, '1'));
    instance.subscribe(viewer('FREE', 'alice'), op, subscriber(mineToo, '2'));
    instance.subscribe(viewer('FREE', 'bob'), op, subscriber(theirs, '3'));
    instance.onEvent('user', {
      field: 'orderUpdated',
      userId: 'alice',
      id: 'o-1',
      at: '2026-01-01T00:00:00Z',
    });
    instance.onEvent('user', {
      field: 'positionUpdated',
      userId: 'alice',
      id: 'p-1',
      at: '2026-01-01T00:00:00Z',
    });
    await flush();
    expect(runAs).toEqual(['alice']);
    expect(mine.frames).toEqual([
      '{"id":"1","type":"next","payload":{"data":{"orderUpdated":{"id":"o-1","status":"FILLED"}}}}',
    ]);
    expect(mineToo.frames).toHaveLength(1);
    expect(theirs.frames).toEqual([]);
  });
});

describe('market ticks', () => {
  const tick = (symbol: string, price: string) => ({
    instrumentId: 'i',
    symbol,
    price,
    bid: null,
    ask: null,
    at: '2026-01-01T00:00:00.000Z',
  });

  it("answers a selection of the tick's own scalars from the event, coalescing a burst per symbol", async () => {
    const instance = createLiveFanoutHub({
      rules: signalTierRules(0),
      logger: testLogger,
      execute: async () => {
        throw new Error('no supergraph round trip expected');
      },
    });
    const op = derive('subscription($s: [String!]!) { t: marketTicks(symbols: $s) { symbol price } }', {
      s: ['btc-usdt'],
    });
    expect(op.query).toBeNull();
    const s = socket();
    instance.subscribe(viewer('PREMIUM'), op, subscriber(s, 't'));
    instance.onEvent('ticks', tick('BTC-USDT', '1'));
    instance.onEvent('ticks', tick('ETH-USDT', '2'));
    instance.onEvent('ticks', tick('BTC-USDT', '3'));
    await flush();
    expect(s.frames).toEqual([
      '{"id":"t","type":"next","payload":{"data":{"t":{"symbol":"BTC-USDT","price":"3"}}}}',
    ]);
  });

  it('resolves a selection beyond the tick through marketTick(symbol:)', () => {
    const op = derive('subscription { marketTicks(symbols: ["X"]) { price instrument { name } } }');
    expect(op.local).toBeNull();
    expect(op.query).toContain('marketTicks: marketTick(symbol: $_liveId)');
  });
});

describe('textFrame', () => {
  // RFC 6455 §5.2: 0x81 (FIN, text), then the length in 7 bits, or 126 + 16 bits, or 127 + 64 bits.
  it.each([
    [125, [0x81, 125]],
    [126, [0x81, 126, 0, 126]],
    [65_535, [0x81, 126, 0xff, 0xff]],
    [65_536, [0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0]],
  ])('frames %i payload bytes with the RFC 6455 header', (length, header) => {
    const frame = textFrame([Buffer.alloc(length - 1, 'a'), Buffer.from('b')]);
    expect([...frame.subarray(0, header.length)]).toEqual(header);
    expect(frame.length).toBe(header.length + length);
    expect(frame.subarray(header.length).toString()).toBe(`${'a'.repeat(length - 1)}b`);
  });
});
