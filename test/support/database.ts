import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createPrismaClient, type PrismaClient } from '../../platform/prisma';
import { repoRoot } from '../../platform/topology';
import { seed } from '../../prisma/seed';
import { releasedAfterFile } from './resources';

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
  return { name, url: databaseUrlFor(name), drop: dropper(name) };
}

const dropper = (name: string) =>
  releasedAfterFile(`database ${name}`, () =>
    admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  );

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

async function applySchema(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(schemaSql());
  } finally {
    await client.end();
  }
}

function testDatabaseOn(database: { name: string; url: string; drop(): Promise<void> }): TestDatabase {
  const prisma = createPrismaClient({ databaseUrl: database.url });
  return {
    url: database.url,
    prisma,
    drop: releasedAfterFile(`prisma client of ${database.name}`, async () => {
      await prisma.$disconnect();
      await database.drop();
    }),
  };
}

/** A fresh database of its own for one test file, with every domain schema in place. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  await applySchema(database.url);
  return testDatabaseOn(database);
}

/**
 * Seeding with the demo accounts takes 6-20 s; most end-to-end files want exactly that database. The first
 * file of a jest run to ask seeds one template database (under an advisory lock, so parallel workers
 * wait for it rather than seed it twice) and every file gets a copy of it (`CREATE DATABASE ...
 * TEMPLATE`, well under a second). The template is per run (test/support/globalSetup.ts names it and
 * drops it), so its clock-relative data (subscription periods, candles) is as fresh as the run.
 */
export async function createSeededTestDatabase(): Promise<TestDatabase> {
  const template = process.env.TEST_SEEDED_TEMPLATE ?? `tpl_${process.pid}`;
  await ensureSeededTemplate(template);
  const name = `test_${randomBytes(6).toString('hex')}`;
  // Two copies of one template at once are fine; only a session connected to the template is not.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return testDatabaseOn({ name, url: databaseUrlFor(name), drop: dropper(name) });
}

async function ensureSeededTemplate(template: string): Promise<void> {
  await admin(async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (found.rowCount) return;
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      const url = databaseUrlFor(building);
      await applySchema(url);
      const prisma = createPrismaClient({ databaseUrl: url });
      try {
        await seed(prisma, { demoAccounts: true });
      } finally {
        await prisma.$disconnect();
      }
      // Renamed only once complete: a failed seed never leaves a half-seeded template behind.
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
}

/** Drops this run's template (test/support/globalTeardown.ts). */
export async function dropSeededTemplate(template: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
}
