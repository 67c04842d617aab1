import { parse } from 'graphql';
import { signalTierRules } from '../../platform/signalTiers';
import { testLogger } from '../../test/support/env';
import { deriveLiveOperation, type LiveOperation } from './liveOperation';
import { createSignalFanoutHub, SLOW_CONSUMER_CLOSE_CODE, type LiveSocket } from './signalFanoutHub';

const derive = (query: string, variables: Record<string, unknown> = {}): LiveOperation => {
  const operation = deriveLiveOperation(parse(query), undefined, variables);
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
    send: (data) => void frames.push(data),
    close: (code) => void closes.push(code ?? 0),
  };
  return s;
}

const event = (symbol = 'BTC-USDT', dayIndex = 1, publishedAt = new Date().toISOString()) => ({
  signalId: `s-${symbol}-${dayIndex}`,
  sequence: String(dayIndex),
  instrumentId: 'i',
  symbol,
  publishedAt,
  dayIndex,
});

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
    expect(operation.query).toContain('query Live($_liveSignalId: ID!, $n: Int)');
    expect(operation.query).toContain('live: signal(id: $_liveSignalId)');
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
    const instance = createSignalFanoutHub({
      rules: signalTierRules(200),
      logger: testLogger,
      shareExecutions,
      execute: async (_query, variables, viewer) => {
        executions.push({ tier: viewer.tier });
        return { data: { signalPublished: { id: variables._liveSignalId } } };
      },
    });
    return { instance, executions };
  }
  const flush = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));
  const q = 'subscription($s: [String!]) { signalPublished(symbols: $s) { id } }';

  it('runs one execution per operation and tier, and writes the same payload to every socket', async () => {
    const { instance, executions } = hub();
    const sockets = Array.from({ length: 50 }, () => socket());
    sockets.forEach((s, i) => instance.subscribe('PREMIUM', derive(q), { socket: s, id: `sub-${i}` }));
    const filtered = socket();
    instance.subscribe('PREMIUM', derive(q, { s: ['NSE:TCS'] }), { socket: filtered, id: 'x' });
    instance.onEvent(event());
    await flush();
    expect(executions).toEqual([{ tier: 'PREMIUM' }]);
    expect(sockets[7]!.frames).toEqual([
      '{"id":"sub-7","type":"next","payload":{"data":{"signalPublished":{"id":"s-BTC-USDT-1"}}}}',
    ]);
    expect(sockets.every((s) => s.frames.length === 1)).toBe(true);
    expect(filtered.frames).toEqual([]);
    // A repeat of the same event (a fan-out retry) is dropped.
    instance.onEvent(event());
    await flush();
    expect(executions).toHaveLength(1);
  });

  it('the naive mode executes once per subscriber (the benchmark baseline)', async () => {
    const { instance, executions } = hub(false);
    for (let i = 0; i < 5; i++) instance.subscribe('PREMIUM', derive(q), { socket: socket(), id: `${i}` });
    instance.onEvent(event());
    await flush();
    expect(executions).toHaveLength(5);
  });

  it('FREE gets events after the delay and only within the daily cap', async () => {
    const { instance } = hub();
    const free = socket();
    instance.subscribe('FREE', derive(q), { socket: free, id: 'f' });
    instance.onEvent(event('BTC-USDT', 5));
    instance.onEvent(event('BTC-USDT', 6));
    await flush();
    expect(free.frames).toEqual([]);
    await flush(250);
    expect(free.frames).toHaveLength(1);
    expect(free.frames[0]).toContain('s-BTC-USDT-5');
    instance.stop();
  });

  it('closes a socket whose send buffer is over the bound instead of writing to it', async () => {
    const { instance } = hub();
    const slow = socket(2_000_000);
    const fast = socket();
    instance.subscribe('ENTERPRISE', derive(q), { socket: slow, id: 's' });
    instance.subscribe('ENTERPRISE', derive(q), { socket: fast, id: 'f' });
    instance.onEvent(event());
    await flush();
    expect(slow.closes).toEqual([SLOW_CONSUMER_CLOSE_CODE]);
    expect(slow.frames).toEqual([]);
    expect(fast.frames).toHaveLength(1);
  });
});
