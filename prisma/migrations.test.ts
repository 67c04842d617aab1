import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { repoRoot } from '../platform/topology';
import { createEmptyDatabase, migrate } from '../test/support/database';

function prisma(args: string[], databaseUrl: string): string {
  return execFileSync('bash', ['prisma/prisma.sh', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Tables, columns, types, defaults, constraints and indexes of the domain schemas, comparable as text. */
async function catalog(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const domains = `('identity','learning','signals','trading','billing')`;
    const columns = await client.query<{ line: string }>(
      `SELECT format('%s.%s.%s %s null=%s default=%s', table_schema, table_name, column_name,
                     data_type || coalesce('(' || character_maximum_length || ')', '') ||
                     coalesce('(' || numeric_precision || ',' || numeric_scale || ')', ''),
                     is_nullable, coalesce(regexp_replace(column_default, '_seq''?::regclass', ''), '')) AS line
         FROM information_schema.columns WHERE table_schema IN ${domains}`,
    );
    const indexes = await client.query<{ line: string }>(
      `SELECT schemaname || ' ' || indexdef AS line FROM pg_indexes WHERE schemaname IN ${domains}`,
    );
    const constraints = await client.query<{ line: string }>(
      `SELECT n.nspname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname IN ${domains}`,
    );
    const enums = await client.query<{ line: string }>(
      `SELECT n.nspname || '.' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname IN ${domains} GROUP BY n.nspname, t.typname`,
    );
    return [...columns.rows, ...indexes.rows, ...constraints.rows, ...enums.rows]
      .map((row) => row.line)
      .sort();
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  // Prisma's own drift check introspects through the driver adapter, which cannot read some catalog
  // types here; so compare the migrated database with one built straight from schema.prisma.
  it('applied to an empty database, produce exactly what schema.prisma describes', async () => {
    const migrated = await createEmptyDatabase('drift_migrated');
    const fromSchema = await createEmptyDatabase('drift_schema');
    try {
      migrate(migrated.url);
      const script = prisma(
        ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
        fromSchema.url,
      );
      const client = new Client({ connectionString: fromSchema.url });
      await client.connect();
      await client.query(script);
      await client.end();

      const [expected, actual] = await Promise.all([catalog(fromSchema.url), catalog(migrated.url)]);
      expect(expected.length).toBeGreaterThan(100);
      expect(actual).toEqual(expected);
    } finally {
      await migrated.drop();
      await fromSchema.drop();
    }
  });
});
