import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreMigrations } from '../../src/infrastructure/event-store/postgres/event-store.migrations.js';
import { migrate } from '../../src/infrastructure/postgres/migrator.js';
import { readModelMigrations } from '../../src/infrastructure/postgres/read-model.migrations.js';
import { PgliteDatabase } from '../../src/infrastructure/pglite/pglite-database.js';

/**
 * Before every spec file: embedded databases start from a cluster that already has this checkout's migrations, so
 * a spec opening a fresh PGlite pays neither initdb nor migrations (seconds each, hundreds of times a run). The file
 * name carries a digest of the migrations and of the bare seed it starts from, so an edited or added migration makes
 * a new seed rather than reusing a stale one; the platform still runs migrate() on open and finds nothing to do. Child processes inherit the variable.
 */
const { version } = JSON.parse(
  readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
) as { version: string };
// Whichever spec file of a worker runs first replaces WATTLOG_PGLITE_SEED with the migrated seed; the bare one stays.
const bareSeed = process.env.WATTLOG_PGLITE_BARE_SEED || process.env.WATTLOG_PGLITE_SEED || '';
const digest = createHash('sha256')
  .update(JSON.stringify([bareSeed, eventStoreMigrations, readModelMigrations]))
  .digest('hex')
  .slice(0, 16);
const seed = join(tmpdir(), `wattlog-pglite-migrated-${version}-${digest}.tar`);

if (!existsSync(seed)) {
  // Started from the bare initdb seed of the global setup, when there is one.
  const db = await PgliteDatabase.open(undefined, bareSeed || undefined);
  try {
    await migrate(db, [eventStoreMigrations]);
    await migrate(db, [readModelMigrations]);
    const partial = `${seed}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await (await db.dump()).arrayBuffer()));
    renameSync(partial, seed);
  } finally {
    await db.close();
  }
}
// Specs of the migrations themselves start from the cluster before any migration.
process.env.WATTLOG_PGLITE_BARE_SEED ??= process.env.WATTLOG_PGLITE_SEED ?? '';
process.env.WATTLOG_PGLITE_SEED = seed;
