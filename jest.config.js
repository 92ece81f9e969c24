// Specs register hundreds of users; at the production cost (N=2^17, ~0.3 s a hash) that alone took minutes. The
// platform honours this only when NODE_ENV=test; the hasher's own spec and one HTTP spec check the real cost.
process.env.WATTLOG_TEST_SCRYPT_LOG2N ??= '12';

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/support/pglite-migrated-seed.setup.ts'],
  // Process and database specs share two cores with each other; the default 5 s is too tight when they coincide.
  testTimeout: 20_000,
  // One worker per core (Jest's default leaves one idle): specs spend much of their time waiting on Postgres,
  // Mosquitto and child processes. Specs never share a schema, topic, port or data dir, and Postgres appends in
  // test/support/sql-backends resolve once readable, so specs running side by side do not see each other.
  maxWorkers: '100%',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', '^#test/(.*)\\.js$': '<rootDir>/test/$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.int-spec.ts',
    '<rootDir>/test/**/*.spec.ts',
    '<rootDir>/test/**/*.int-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
};
