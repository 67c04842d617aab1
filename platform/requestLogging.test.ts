import { ApolloServer } from '@apollo/server';
import { BadUserInputError } from './errors';
import { createGraphQLHttpServer } from './graphqlHttp';
import { CORRELATION_HEADER, createLogger, inRequestScope } from './logger';
import { requestLogging } from './requestLogging';
import { maskInternalErrors } from './subgraph';

/**
 * Issue 16: the README sends users to "the details under the x-correlation-id". The gateway and every
 * subgraph serve GraphQL with these same three pieces (createGraphQLHttpServer, requestLogging,
 * maskInternalErrors), so a failing request here stands for all of them.
 */
interface Context {
  correlationId: string;
}
type LogLine = Record<string, unknown> & { msg: string; level: number };

const lines: LogLine[] = [];
const logger = createLogger(
  { name: 'logging-test', level: 'info' },
  { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
);
const apollo = new ApolloServer<Context>({
  typeDefs: 'type Query { ok: String, warned: String, broken: String, refused: String }',
  resolvers: {
    Query: {
      ok: () => 'fine',
      // Like a cache or a service that logs through the process's logger, not the request's child.
      warned: () => {
        logger.warn({ cache: 'catalog' }, 'cache read failed');
        return 'served anyway';
      },
      refused: () => {
        throw new BadUserInputError('not like that', 'refused');
      },
      broken: () => {
        throw new Error('connection to the disk lost');
      },
    },
  },
  formatError: maskInternalErrors(),
  plugins: [requestLogging<Context>(logger)],
});
let failContext = false;
const http = createGraphQLHttpServer<Context>({
  apollo,
  logger,
  context: async (_req, correlationId) => {
    if (failContext) throw new Error('loader factory crashed');
    return { correlationId };
  },
});
let url: string;

beforeAll(async () => {
  await apollo.start();
  url = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}/graphql`;
});

afterAll(async () => {
  await http.close();
  await apollo.stop();
});

beforeEach(() => {
  lines.length = 0;
  failContext = false;
});

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    correlationId: response.headers.get(CORRELATION_HEADER),
    body: (await response.json()) as unknown,
  };
}

it('logs a resolver failure with the correlation id the client got, and masks it for the client', async () => {
  const { correlationId, body } = await post('{ broken }');
  expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
  expect(body).toEqual({
    data: { broken: null },
    errors: [
      { message: 'Internal server error', path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ],
  });
  const errorLine = lines.find((line) => line.level >= 50);
  expect(errorLine).toMatchObject({
    correlationId,
    msg: 'unexpected resolver error',
    path: ['broken'],
    err: expect.objectContaining({ message: 'connection to the disk lost' }),
  });
});

it('uses the id the client sent, on the error line and the operation line alike', async () => {
  const sent = 'support-ticket-4711';
  const { correlationId } = await post('query Broken { broken }', { [CORRELATION_HEADER]: sent });
  expect(correlationId).toBe(sent);
  expect(lines.map((line) => [line.msg, line.correlationId])).toEqual([
    ['unexpected resolver error', sent],
    ['graphql operation', sent],
  ]);
});

it('logs a failure before GraphQL ran (building the context) with the correlation id', async () => {
  failContext = true;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ ok }' }),
  });
  expect(response.status).toBe(500);
  const correlationId = response.headers.get(CORRELATION_HEADER);
  expect(lines).toEqual([expect.objectContaining({ msg: 'request failed', correlationId })]);
});

it('writes no error line for a deliberate, coded error', async () => {
  await post('{ ok refused }');
  expect(lines.map((line) => line.msg)).toEqual(['graphql operation']);
  expect(lines.filter((line) => line.level >= 50)).toEqual([]);
});

it('puts the correlation id on lines logged through the process logger during the request', async () => {
  const { correlationId } = await post('{ warned }');
  expect(lines.find((line) => line.msg === 'cache read failed')).toMatchObject({
    correlationId,
    cache: 'catalog',
  });
});

it('writes the correlation id once on a line of a child logger that binds it', () => {
  const raw: string[] = [];
  const bound = createLogger(
    { name: 'bound', level: 'info' },
    { write: (line: string) => void raw.push(line) },
  );
  inRequestScope('request-1234', () => bound.child({ correlationId: 'request-1234' }).info('from a child'));
  expect(raw[0]?.match(/"correlationId"/g)).toHaveLength(1);
});
