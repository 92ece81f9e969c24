import pgliteSeed from './pglite-seed.global-setup.js';
import postgresReachable from './postgres-reachable.global-setup.js';

/** Once per Jest run, before any worker starts; workers inherit the environment variables both steps set. */
export default async function globalSetup() {
  await pgliteSeed();
  await postgresReachable();
}
