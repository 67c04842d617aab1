import { randomUUID } from 'node:crypto';
import { buyAt, day, errorOf, startSignalsHarness, viewer, type SignalsHarness } from './testHarness';

let h: SignalsHarness;
beforeAll(async () => {
  h = await startSignalsHarness();
});
afterAll(() => h?.stop());

describe('instruments', () => {
  it('lists by symbol, filters by asset class and finds a symbol case-insensitively', async () => {
    const all = await h.run(
      '{ instruments { symbol tickSize } crypto: instruments(assetClass: CRYPTO) { symbol } }',
    );
    expect(all.data).toEqual({
      instruments: [
        { symbol: 'BTC-USDT', tickSize: '0.01' },
        { symbol: 'ETH-USDT', tickSize: '0.01' },
        { symbol: 'NSE:RELIANCE', tickSize: '0.05' },
      ],
      crypto: [{ symbol: 'BTC-USDT' }, { symbol: 'ETH-USDT' }],
    });
    const one = await h.run(
      '{ instrument(symbol: " nse:reliance ") { id } missing: instrument(symbol: "NOPE") { id } }',
    );
    expect(one.data).toEqual({ instrument: { id: h.reliance.id }, missing: null });
  });

  it('returns the last N candles oldest first for every instrument in one windowed query, and lastPrice', async () => {
    const rawQueries = jest.spyOn(h.db.prisma, '$queryRaw');
    const result = await h.run(`{ instruments {
      symbol lastPrice candles(last: 3) { openTime close } hourly: candles(interval: ONE_HOUR, last: 2) { close volume }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.instruments).toEqual([
      {
        symbol: 'BTC-USDT',
        lastPrice: '105.5',
        candles: [3, 4, 5].map((n) => ({ openTime: day(n).toISOString(), close: `${100 + n}.5` })),
        hourly: [
          { close: '202', volume: '10.5' },
          { close: '203', volume: '10.5' },
        ],
      },
      { symbol: 'ETH-USDT', lastPrice: null, candles: [], hourly: [] },
      {
        symbol: 'NSE:RELIANCE',
        lastPrice: '2002',
        candles: [1, 2].map((n) => ({ openTime: day(n).toISOString(), close: `${2000 + n}` })),
        hourly: [],
      },
    ]);
    // One query per (interval, last) and one for lastPrice, however many instruments.
    expect(rawQueries).toHaveBeenCalledTimes(3);
    rawQueries.mockRestore();
  });

  it.each([0, 501])('rejects candles(last: %i)', async (last) => {
    const result = await h.run('query($last: Int) { instruments { candles(last: $last) { close } } }', {
      last,
    });
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  });
});

describe('signals', () => {
  it('pages the newest last, or those after a sequence (gap recovery), in sequence order', async () => {
    const author = viewer('ANALYST');
    const sequences: string[] = [];
    for (const price of ['101.00', '102.00', '103.00']) {
      sequences.push((await h.publish(buyAt(price), author)).data!.publishSignal.sequence);
    }
    // PREMIUM: real time (FREE and anonymous callers see signals only after the delay; tiers.test.ts).
    const premium = { ...viewer('TRADER'), tier: 'PREMIUM' as const };
    const newest = await h.run<{ signals: { edges: { node: { sequence: string } }[] } }>(
      '{ signals(last: 2) { edges { node { sequence } } } }',
      {},
      premium,
    );
    expect(newest.data?.signals.edges.map((e) => e.node.sequence)).toEqual([sequences[1], sequences[2]]);
    for (const args of ['first: 5, after: $after', 'afterSequence: $after']) {
      const after = await h.run(
        `query($after: String) { signals(${args}) { edges { cursor node { price } } } }`,
        { after: sequences[0] },
        premium,
      );
      expect(after.data).toEqual({
        signals: {
          edges: [
            { cursor: sequences[1], node: { price: '102' } },
            { cursor: sequences[2], node: { price: '103' } },
          ],
        },
      });
    }
  });

  it.each([
    ['last', { last: 101 }],
    ['last', { last: 0 }],
    ['after', { after: 'abc' }],
    ['after', { after: '99999999999999999999' }],
  ])('rejects a bad %s: %j', async (field, variables) => {
    const query =
      'query($last: Int, $after: String) { signals(last: $last, after: $after) { edges { cursor } } }';
    // Signed in: anonymous callers are refused before validation (issue 4).
    const result = await h.run(query, { last: 10, ...variables }, viewer('TRADER'));
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('_entities', () => {
  const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on Instrument { symbol lastPrice }
    ... on Signal { price instrument { symbol } author { id } }
    ... on User { id publishedSignals(last: 2) { price } }
  } }`;

  it('resolves instruments, signals, and users with their published signals newest first', async () => {
    const author = viewer('ANALYST');
    const published = [];
    for (const price of ['1.00', '2.00', '3.00']) published.push(await h.publish(buyAt(price), author));
    const signalId = published[0]?.data?.publishSignal.id;
    const stranger = randomUUID();
    const enterprise = { ...viewer('TRADER'), tier: 'ENTERPRISE' as const };
    const result = await h.run(
      ENTITIES,
      {
        reps: [
          { __typename: 'Instrument', id: h.btc.id },
          { __typename: 'Instrument', id: h.eth.id },
          { __typename: 'Instrument', id: 'not-a-uuid' },
          { __typename: 'Signal', id: signalId },
          { __typename: 'Signal', id: randomUUID() },
          { __typename: 'User', id: author.userId },
          { __typename: 'User', id: stranger },
        ],
      },
      enterprise,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { symbol: 'BTC-USDT', lastPrice: '105.5' },
      { symbol: 'ETH-USDT', lastPrice: null },
      null,
      { price: '1', instrument: { symbol: 'BTC-USDT' }, author: { id: author.userId } },
      null,
      { id: author.userId, publishedSignals: [{ price: '3' }, { price: '2' }] },
      { id: stranger, publishedSignals: [] },
    ]);
  });
});
