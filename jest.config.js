// Specs register hundreds of users; at the production cost (N=2^17, ~0.3 s a hash) that alone took minutes. The
// platform honours this only when NODE_ENV=test; the hasher's own spec and one HTTP spec check the real cost.
process.env.WATTLOG_TEST_SCRYPT_LOG2N ??= '12';
// Process and database specs share two cores with each other; the default 5 s is too tight when they coincide. The
// workers read it from the environment (test/support/spec-time-limits.ts).
process.env.WATTLOG_TEST_TIMEOUT_MS ??= '20000';

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/global-setup.js',
  // Spec files run in plain Node through jest-light-runner (ADR 0027): a worker evaluates each module once, not once
  // per spec file. The TypeScript hooks come first; every later file may be TypeScript.
  runner: 'jest-light-runner',
  setupFiles: ['<rootDir>/test/support/ts-loader/register.mjs'],
  setupFilesAfterEnv: [
    '<rootDir>/test/support/spec-time-limits.ts',
    '<rootDir>/test/support/pglite-migrated-seed.setup.ts',
  ],
  testTimeout: Number(process.env.WATTLOG_TEST_TIMEOUT_MS),
  // One worker per core (Jest's default leaves one idle): specs spend much of their time waiting on Postgres,
  // Mosquitto and child processes. Specs never share a schema, topic, port or data dir, and Postgres appends in
  // test/support/sql-backends resolve once readable, so specs running side by side do not see each other.
  maxWorkers: '100%',
  // Jest itself transforms nothing: Node loads the sources through the hooks above.
  transform: {},
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.int-spec.ts',
    '<rootDir>/test/**/*.spec.ts',
    '<rootDir>/test/**/*.int-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
};
