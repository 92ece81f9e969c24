import { Buffer } from 'node:buffer';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Runs initdb once per PGlite version and machine, so every embedded database a spec opens starts from the
 * tarball (under a second) instead of initialising a cluster (several seconds each, hundreds of times a run).
 * The platform reads it through WATTLOG_PGLITE_SEED; child processes the specs start inherit it.
 *
 * The tarball is kept small because every open unpacks all of it into PGlite's in-memory file system, which costs
 * CPU in proportion to its size: a 1 MB WAL segment instead of 16 MB, and no template0 (nothing here creates a
 * database from it). Starting with 16 MB of shared buffers rather than 128 MB saves as much again: the test
 * databases hold kilobytes. Together an open goes from about 1.6 to 0.7 CPU-seconds.
 */
export default async function pgliteSeed() {
  if (process.env.WATTLOG_PGLITE_SEED) return;
  const { version } = JSON.parse(
    readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
  );
  const seed = join(tmpdir(), `wattlog-pglite-seed-${version}-small-v2.tar`);
  if (!existsSync(seed)) {
    const db = new PGlite({ initDbStartParams: ['--wal-segsize=1'] });
    await db.waitReady;
    await db.exec(`update pg_database set datistemplate = false where datname = 'template0'`);
    await db.exec('drop database template0');
    await db.exec(`alter system set shared_buffers = '16MB'`);
    const dump = await db.dumpDataDir('none');
    await db.close();
    const partial = `${seed}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, seed);
  }
  process.env.WATTLOG_PGLITE_SEED = seed;
}
