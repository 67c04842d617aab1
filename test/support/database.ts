import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createPrismaClient, type PrismaClient } from '../../platform/prisma';
import { repoRoot } from '../../platform/topology';

/** Where tests create their databases: the machine's PostgreSQL unless CI points elsewhere. */
export const adminDatabaseUrl =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function databaseUrlFor(name: string): string {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createEmptyDatabase(
  prefix = 'test',
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrlFor(name),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export function migrate(databaseUrl: string): void {
  execFileSync('bash', ['prisma/prisma.sh', 'migrate', 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'pipe',
  });
}

/**
 * DDL for the current schema.prisma, cached by its hash. Tests build their databases from the
 * schema itself; prisma/migrations.test.ts proves the migrations produce the same database.
 */
function schemaSql(): string {
  const schema = readFileSync(path.join(repoRoot, 'prisma', 'schema.prisma'));
  const hash = createHash('sha256').update(schema).digest('hex').slice(0, 16);
  const cached = path.join(repoRoot, '.cache', 'test-schema', `${hash}.sql`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  const sql = execFileSync(
    'bash',
    [
      'prisma/prisma.sh',
      'migrate',
      'diff',
      '--from-empty',
      '--to-schema-datamodel',
      'prisma/schema.prisma',
      '--script',
    ],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  mkdirSync(path.dirname(cached), { recursive: true });
  const temporary = `${cached}.${process.pid}`;
  writeFileSync(temporary, sql);
  renameSync(temporary, cached);
  return sql;
}

/** A fresh database of its own for one test file, with every domain schema in place. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(schemaSql());
  } finally {
    await client.end();
  }
  const prisma = createPrismaClient({ databaseUrl: database.url });
  return {
    url: database.url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
