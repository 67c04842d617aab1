import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The production image holds only what production runs: every file an entry point of the deployment
// can load, and none of the emulators, tests or benchmarks (.dockerignore keeps them out of the image).
const root = path.resolve(__dirname, '..');

/** What docker-compose.yml and deploy/ start: one process per subgraph, the gateway, the seed. */
const productionEntryPoints = [
  'gateway/index.ts',
  'subgraphs/identity/index.ts',
  'subgraphs/learning/index.ts',
  'subgraphs/signals/index.ts',
  'subgraphs/trading/index.ts',
  'subgraphs/billing/index.ts',
  'prisma/seed/index.ts',
];

const forbidden = ['emulators/', 'test/', 'bench/', 'docs/'];

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: true,
  allowJs: true,
};

/** Every repository file reachable from the entry points through static imports, `import()` and `require`. */
function importGraph(entries: string[]): Map<string, string> {
  const reachedFrom = new Map<string, string>();
  const queue = entries.map((entry) => ({ file: path.join(root, entry), from: entry }));
  while (queue.length > 0) {
    const { file, from } = queue.pop()!;
    const relative = path.relative(root, file);
    if (reachedFrom.has(relative)) continue;
    reachedFrom.set(relative, from);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const imported of importedFiles) {
      const resolved = ts.resolveModuleName(imported.fileName, file, compilerOptions, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      if (resolved.resolvedFileName.includes(`${path.sep}node_modules${path.sep}`)) continue;
      queue.push({ file: resolved.resolvedFileName, from: relative });
    }
  }
  return reachedFrom;
}

describe('the production image', () => {
  const graph = importGraph(productionEntryPoints);

  it('follows imports through the code base (the walk is not trivially empty)', () => {
    expect(graph.has('subgraphs/billing/services/razorpayEntities.ts')).toBe(true);
    expect(graph.has('platform/subgraphProcess.ts')).toBe(true);
    expect(graph.size).toBeGreaterThan(200);
  });

  it('loads no emulator, test or benchmark from any production entry point', () => {
    const offending = [...graph].filter(([file]) => forbidden.some((prefix) => file.startsWith(prefix)));
    expect(offending.map(([file, from]) => `${file} (imported by ${from})`)).toEqual([]);
    const testFiles = [...graph.keys()].filter((file) => file.endsWith('.test.ts'));
    expect(testFiles).toEqual([]);
  });

  it('leaves the emulators, tests and benchmarks out through .dockerignore', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    for (const prefix of forbidden) expect(ignored).toContain(prefix.replace(/\/$/, ''));
    expect(ignored).toContain('**/*.test.ts');
    // Each emulator has a folder of its own there, so the rule above covers all of them.
    const tracked = execFileSync('git', ['ls-files', 'emulators'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const folders = new Set(tracked.map((file) => file.split('/')[1]));
    expect([...folders]).toEqual(expect.arrayContaining(['binance', 'postmark', 'razorpay']));
  });
});
