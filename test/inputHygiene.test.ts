import { randomUUID } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import type { Viewer } from '../platform/auth/viewer';
import { billingTypeDefs } from '../subgraphs/billing/server';
import { identityTypeDefs } from '../subgraphs/identity/server';
import { learningTypeDefs } from '../subgraphs/learning/server';
import { signalsTypeDefs } from '../subgraphs/signals/server';
import { tradingTypeDefs } from '../subgraphs/trading/server';
import { startAllSubgraphServers } from './support/allSubgraphs';

/**
 * Issue 16, hole 4: every argument of every Query and Mutation root field of every subgraph, walked
 * from the schema, gets hostile values at each of its leaves (nested input fields included) while the
 * other arguments hold plausible ones. Whatever the answer, it is never INTERNAL_SERVER_ERROR and no
 * row of any table changes.
 */
type SubgraphName = 'identity' | 'learning' | 'signals' | 'trading' | 'billing';
const typeDefs: Record<SubgraphName, DocumentNode> = {
  identity: identityTypeDefs,
  learning: learningTypeDefs,
  signals: signalsTypeDefs,
  trading: tradingTypeDefs,
  billing: billingTypeDefs,
};

/**
 * [what, value, well-formed]: a malformed value must be refused, so it never writes; a well-formed
 * one (an odd but legal string or number) may be data, where `acceptsAnyWellFormed` says so.
 */
type Hostile = [string, unknown, boolean?];
const hostileStrings: Hostile[] = [
  ['a NUL byte', 'BTC\u0000USDT'],
  ['a control character', 'line\u001b[2Jbreak'],
  ['100 KB', 'a'.repeat(102_400)],
  ['a malformed decimal', '600a', true],
  ['an unknown enum-like value', 'ZZ', true],
];
const hostileByType: Record<string, Hostile[]> = {
  String: hostileStrings,
  ID: hostileStrings,
  DateTime: [
    ['not a date', 'not-a-date'],
    ['year 275761', '275761-01-01T00:00:00Z'],
    ['an extended year', '+275760-09-13T00:00:00.000Z'],
    ['month 13', '2026-13-45T25:61:00Z'],
    ['a number', 1_700_000_000],
  ],
  Int: [
    ['the largest Int', 2_147_483_647, true],
    ['the smallest Int', -2_147_483_648, true],
    ['-1', -1, true],
    ['beyond 32 bits', 2 ** 40],
  ],
  Float: [
    ['a huge Float', 1e308, true],
    ['a huge negative Float', -1e308, true],
  ],
};

/** Where any well-formed string is legitimate data, or its write is an audit record by design. */
const acceptsAnyWellFormed = new Set([
  'login input.email', // a failed login is a security event (lockout, audit)
  'login input.password',
  'requestPasswordReset email', // so is a reset request, known address or not
  'register input.name', // "ZZ" is someone's name
  'updateProfile input.firstName',
  'updateProfile input.lastName',
  'publishSignal input.rationale',
  'publishSignal input.strategy', // "600a" is a well-formed strategy slug
  'connectExchangeAccount input.label',
  // Accounts on any exchange id may be stored; only supported ones trade live (ccxtExchange.ts).
  'connectExchangeAccount input.exchange',
]);

/** Plausible values, so that each case tests the hostile leaf and not a missing argument. */
function plausible(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, depth);
  if (isListType(type)) return [plausible(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && depth < 4) value[field.name] = plausible(field.type, depth + 1);
    }
    return value;
  }
  const samples: Record<string, unknown> = {
    String: 'BTC-USDT',
    ID: randomUUID(),
    Int: 1,
    Float: 1.5,
    Boolean: true,
    DateTime: '2026-01-01T00:00:00Z',
  };
  return samples[type.name] ?? 'x';
}

/** Every leaf under an argument: its path of field names (lists hold one item) and named type. */
function leavesOf(
  type: GraphQLInputType,
  path: (string | number)[] = [],
  depth = 0,
): [(string | number)[], string][] {
  if (isNonNullType(type)) return leavesOf(type.ofType, path, depth);
  if (isListType(type)) return leavesOf(type.ofType, [...path, 0], depth);
  if (isInputObjectType(type)) {
    if (depth > 4) return [];
    return Object.values(type.getFields()).flatMap((field) =>
      leavesOf(field.type, [...path, field.name], depth + 1),
    );
  }
  return isLeafType(type) ? [[path, type.name]] : [];
}

/** `plausible` with the value at `path` replaced. */
function withLeaf(base: unknown, type: GraphQLInputType, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  const [head, ...rest] = path;
  if (isListType(unwrapped)) {
    const list = Array.isArray(base) ? [...base] : [plausible(unwrapped.ofType)];
    list[0] = withLeaf(list[0], unwrapped.ofType, rest, value);
    return list;
  }
  if (isInputObjectType(unwrapped) && typeof head === 'string') {
    const object = { ...(base as Record<string, unknown>) };
    const field = unwrapped.getFields()[head]!;
    object[head] = withLeaf(object[head] ?? plausible(field.type), field.type, rest, value);
    return object;
  }
  return value;
}

/**
 * Valid arguments for mutations whose hostile leaves would otherwise be refused for the plausible
 * values next to them (an invalid email, a BUY without a stop) before the leaf reached the database.
 */
const validArguments: Record<string, () => Record<string, unknown>> = {
  register: () => ({
    input: {
      email: `hygiene-${randomUUID()}@example.com`,
      password: 'Correct-Horse-Battery-9',
      name: 'Hygiene',
    },
  }),
  publishSignal: () => ({
    input: {
      symbol: 'BTC-USDT',
      side: 'HOLD',
      entryPrice: '101.25',
      confidence: 50,
      rationale: 'Range-bound.',
    },
  }),
  createPriceAlert: () => ({ input: { symbol: 'BTC-USDT', direction: 'ABOVE', price: '101.25' } }),
};

interface HostileCase {
  label: string;
  /** A write is not a finding (see acceptsAnyWellFormed). */
  mayWrite: boolean;
  query: string;
  variables: Record<string, unknown>;
}

function casesFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): HostileCase[] {
  const args: readonly GraphQLArgument[] = field.args;
  const definitions = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${operation}(${definitions}) { ${field.name}(${passed})${selection} }`;
  const baseOf = () =>
    validArguments[field.name]?.() ??
    Object.fromEntries(
      args.filter((arg) => isNonNullType(arg.type)).map((arg) => [arg.name, plausible(arg.type)]),
    );
  return args.flatMap((arg) =>
    leavesOf(arg.type).flatMap(([path, typeName]) =>
      (hostileByType[typeName] ?? []).map(([what, value, wellFormed]): HostileCase => {
        const base = baseOf();
        return {
          label: `${[arg.name, ...path].join('.')} = ${what}`,
          mayWrite:
            wellFormed === true &&
            acceptsAnyWellFormed.has(
              `${field.name} ${[arg.name, ...path.filter((p) => typeof p === 'string')].join('.')}`,
            ),
          query,
          variables: { ...base, [arg.name]: withLeaf(base[arg.name], arg.type, path, value) },
        };
      }),
    ),
  );
}

const rootFields = (Object.keys(typeDefs) as SubgraphName[]).flatMap((subgraph) => {
  const schema = buildSubgraphSchema({ typeDefs: typeDefs[subgraph] });
  return (['query', 'mutation'] as const).flatMap((operation) => {
    const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(root?.getFields() ?? {})
      .filter((field) => !field.name.startsWith('_') && field.args.length > 0)
      .map((field): [SubgraphName, string, string, HostileCase[]] => [
        subgraph,
        operation,
        field.name,
        casesFor(operation, field),
      ]);
  });
});

// Staff of every role at the top tier with KYC done, so permissions let each case reach its resolver.
const staff: Viewer = {
  userId: randomUUID(),
  sessionId: randomUUID(),
  roles: ['LEARNER', 'TRADER', 'ANALYST', 'INSTRUCTOR', 'SUPPORT', 'ADMIN'],
  tier: 'ENTERPRISE',
  kyc: 'VERIFIED',
};

let stack: Awaited<ReturnType<typeof startAllSubgraphServers>>;
let countRows: () => Promise<Record<string, number>>;

beforeAll(async () => {
  stack = await startAllSubgraphServers();
  // The instrument the valid signal and price alert name.
  await stack.db.prisma.instrument.create({
    data: {
      symbol: 'BTC-USDT',
      name: 'Bitcoin',
      assetClass: 'CRYPTO',
      exchange: 'X',
      baseAsset: 'BTC',
      quoteCurrency: 'USD',
      tickSize: '0.01',
    },
  });
  // A real account behind the viewer: a profile or a session needs its user row.
  await stack.db.prisma.user.create({
    data: {
      id: staff.userId,
      email: 'staff@example.com',
      emailNormalized: 'staff@example.com',
      passwordHash: 'x',
    },
  });
  const tables = await stack.db.prisma.$queryRawUnsafe<{ table_schema: string; table_name: string }[]>(
    `SELECT table_schema, table_name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema IN ('identity', 'learning', 'signals', 'trading', 'billing')`,
  );
  const counts = tables
    .map((t, index) => `(SELECT count(*)::int FROM "${t.table_schema}"."${t.table_name}") AS "c${index}"`)
    .join(', ');
  countRows = async () => {
    const [row] = await stack.db.prisma.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${counts}`);
    return Object.fromEntries(
      tables.map((t, index) => [`${t.table_schema}.${t.table_name}`, row![`c${index}`]!]),
    );
  };
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

it('walks every subgraph and a few hundred hostile cases', () => {
  expect(new Set(rootFields.map(([subgraph]) => subgraph)).size).toBe(5);
  expect(rootFields.flatMap(([, , , cases]) => cases).length).toBeGreaterThan(500);
});

it.each(rootFields)(
  '%s %s %s: hostile arguments are never a 500 and write nothing',
  async (subgraph, _op, _field, cases) => {
    const internal: string[] = [];
    const written: string[] = [];
    for (const { label, query, variables, mayWrite } of cases) {
      const before = await countRows();
      const result = await stack.execute[subgraph](query, variables, staff);
      for (const error of result.errors ?? []) {
        if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') internal.push(label);
      }
      const after = await countRows();
      const tables = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (tables.length > 0 && !mayWrite) written.push(`${label}: ${tables.join(', ')}`);
    }
    expect({ internal, written }).toEqual({ internal: [], written: [] });
  },
);
