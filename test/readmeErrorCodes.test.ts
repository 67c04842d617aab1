import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServerErrorCode } from '@apollo/server/errors';

// The README's table of error codes is what clients code against: every code our code or Apollo Server
// can put in `extensions.code` is listed, and nothing listed is made up.
const root = path.resolve(__dirname, '..');

/** Codes Apollo Server defines that never reach a client of this API, each with why. */
const neverSent: Record<string, string> = {
  // Automatic persisted queries are Apollo's default (on); the gateway's trusted documents answer hashes.
  PERSISTED_QUERY_NOT_SUPPORTED: 'persisted queries are enabled',
};

function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\bcode: '([A-Z][A-Z_]{3,})'/g,
    /HttpRefusal\(\d{3}, '([A-Z][A-Z_]{3,})'/g,
    /sendError\(res, \d{3}, '([A-Z][A-Z_]{3,})'/g,
    /^\s+([A-Z][A-Z_]{3,}): '\1',$/gm,
    /export const ([A-Z][A-Z_]{3,}) = '\1';/g,
  ];
  const files = execFileSync('git', ['ls-files', 'gateway', 'platform', 'subgraphs'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('/generated/'));
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.set(match[1]!, file);
  }
  return found;
}

function codesInReadme(): Set<string> {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Error codes'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| Code')));
  return new Set([...table.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]!));
}

describe("the README's error codes", () => {
  const readme = codesInReadme();
  const source = codesInSource();

  it('finds the table and the codes (neither side is trivially empty)', () => {
    expect(readme.size).toBeGreaterThan(10);
    expect(source.get('UNAUTHENTICATED')).toBeDefined();
    expect(source.get('TOO_MANY_SUBSCRIPTIONS')).toBe('gateway/subscriptions/liveSubscriptions.ts');
  });

  it('lists every code the code base sends', () => {
    const missing = [...source]
      .filter(([code]) => !readme.has(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('lists every code Apollo Server sends, except the ones it never sends here', () => {
    const apollo = Object.values(ApolloServerErrorCode).filter((code) => !(code in neverSent));
    expect(apollo.filter((code) => !readme.has(code))).toEqual([]);
  });

  it('lists nothing that no code sends', () => {
    const known = new Set([...source.keys(), ...Object.values(ApolloServerErrorCode)]);
    expect([...readme].filter((code) => !known.has(code))).toEqual([]);
  });
});
