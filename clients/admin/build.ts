import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const adminRoot = __dirname;
const repoRoot = path.resolve(adminRoot, '..', '..');
const distDir = path.join(adminRoot, 'dist');
const stampFile = path.join(distDir, '.source-hash');

/** Everything the bundle is made from: the app, the SDK and its generated documents, the config. */
const sources = [
  path.join(adminRoot, 'src'),
  path.join(adminRoot, 'index.html'),
  path.join(adminRoot, 'vite.config.mts'),
  path.join(repoRoot, 'clients', 'sdk', 'src'),
];

function files(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

/** A hash of the sources' paths and contents: the build is current when dist/ records the same one. */
export function adminSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of sources.flatMap(files)) {
    hash.update(path.relative(repoRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function isAdminBuildCurrent(): boolean {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === adminSourceHash();
}

/** Builds the dashboard with Vite (a child process: Vite is ESM-only and jest loads CommonJS). */
export function buildAdmin(): void {
  const hash = adminSourceHash();
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      path.join(adminRoot, 'vite.config.mts'),
    ],
    // Vite takes process.env.NODE_ENV of the bundle from the environment when it is set: under jest
    // (NODE_ENV=test) or a development shell it would ship React's development build.
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  writeFileSync(stampFile, `${hash}\n`);
}

/** Builds only when dist/ is missing or older than the sources; returns whether it built. */
export function ensureAdminBuild(): boolean {
  if (isAdminBuildCurrent()) return false;
  buildAdmin();
  return true;
}

if (require.main === module) {
  const started = Date.now();
  buildAdmin();
  process.stdout.write(
    `admin dashboard built in ${Date.now() - started} ms: ${path.relative(repoRoot, distDir)}\n`,
  );
}
