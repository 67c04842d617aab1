import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { checkOperationInputs } from './inputHygiene';

// As the gateway sees it: DateTime is a scalar without our parsing, so only the plugin checks it.
const schema = buildSchema(`
  scalar DateTime
  input PublishSignalInput { symbol: String!, entryPrice: String!, rationale: String, expiresAt: DateTime }
  type Query { search(terms: [String!], since: DateTime): Int }
  type Mutation { publishSignal(input: PublishSignalInput!): Int }
`);

function check(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  )!;
  try {
    checkOperationInputs(schema, document, operation, variables);
    return 'accepted';
  } catch (error) {
    const { extensions, message } = error as { extensions: Record<string, unknown>; message: string };
    return { code: extensions.code, field: extensions.field, message };
  }
}

const publish = 'mutation($input: PublishSignalInput!) { publishSignal(input: $input) }';
const signal = { symbol: 'BTC-USDT', entryPrice: '101.25' };

it('accepts ordinary input, and tab and newlines in free-form text', () => {
  expect(check(publish, { input: { ...signal, rationale: 'Breakout.\n\tVolume rising.' } })).toBe('accepted');
  expect(check('{ search(terms: ["btc", "eth"], since: "2026-11-22T09:15:00Z") }')).toBe('accepted');
});

it.each([
  ['a NUL byte in a line', { ...signal, symbol: 'BTC\u0000' }, 'symbol', /control characters/],
  ['a newline in a line', { ...signal, symbol: 'BTC\nUSDT' }, 'symbol', /control characters/],
  ['NUL in free-form text', { ...signal, rationale: 'x\u0000' }, 'rationale', /other than tab and newline/],
  ['a line over its limit', { ...signal, symbol: 'a'.repeat(2_049) }, 'symbol', /at most 2048/],
  ['text over its limit', { ...signal, rationale: 'a'.repeat(20_001) }, 'rationale', /at most 20000/],
  ['a malformed decimal', { ...signal, entryPrice: '600a' }, 'entryPrice', /decimal string/],
  ['a decimal with 11 places', { ...signal, entryPrice: '1.00000000001' }, 'entryPrice', /decimal string/],
  ['a DateTime that is no date', { ...signal, expiresAt: 'not-a-date' }, 'expiresAt', /ISO-8601/],
  ['a DateTime of year 275761', { ...signal, expiresAt: '275761-01-01T00:00:00Z' }, 'expiresAt', /ISO-8601/],
  ['a DateTime without a zone', { ...signal, expiresAt: '2026-11-22T09:15:00' }, 'expiresAt', /ISO-8601/],
])('refuses %s in a variable, naming the field', (_what, input, field, message) => {
  expect(check(publish, { input })).toEqual({
    code: 'BAD_USER_INPUT',
    field,
    message: expect.stringMatching(message),
  });
});

it('checks literals, list items and variable defaults like variables', () => {
  expect(check('mutation { publishSignal(input: { symbol: "BTC", entryPrice: "1x" }) }')).toMatchObject({
    field: 'entryPrice',
    message: expect.stringMatching(/^input\.entryPrice /),
  });
  expect(check('{ search(terms: ["ok", "bad\\u0007"]) }')).toMatchObject({ field: 'terms[1]' });
  expect(check('query($since: DateTime = "later") { search(since: $since) }')).toMatchObject({
    field: 'since',
  });
  expect(check('query($since: DateTime = "later") { search(since: $since) }', { since: null })).toBe(
    'accepted',
  );
});

it('walks each fragment once: 40 levels of doubling spreads are checked in milliseconds', () => {
  const levels = 40;
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  ).join('\n');
  const query = `query { ...F0 }\n${fragments}\nfragment F${levels} on Query { search(terms: ["x\\u0000"]) }`;
  const started = performance.now();
  expect(check(query)).toMatchObject({ field: 'terms[0]' });
  expect(performance.now() - started).toBeLessThan(50);
});
