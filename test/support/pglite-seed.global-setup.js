import { Buffer } from 'node:buffer';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Runs initdb once per PGlite version and machine, so every embedded database a spec opens starts from the
 * tarball (under a second) instead of initialising a cluster (several seconds each, hundreds of times a run).
 * The platform reads it through WATTLOG_PGLITE_SEED; child processes the specs start inherit it.
 */
export default async function pgliteSeed() {
  if (process.env.WATTLOG_PGLITE_SEED) return;
  const { version } = JSON.parse(
    readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
  );
  const seed = join(tmpdir(), `wattlog-pglite-seed-${version}.tar`);
  if (!existsSync(seed)) {
    const db = new PGlite();
    await db.waitReady;
    const dump = await db.dumpDataDir('none');
    await db.close();
    const partial = `${seed}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, seed);
  }
  process.env.WATTLOG_PGLITE_SEED = seed;
}
