import type { SqlDatabase } from './sql-database.js';

export interface Migration {
  /** Strictly increasing within its set; never renumber a shipped migration. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface MigrationSet {
  readonly name: string;
  readonly migrations: readonly Migration[];
}

export interface AppliedMigration {
  readonly set: string;
  readonly version: number;
  readonly name: string;
}

const BOOTSTRAP = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  set_name text NOT NULL,
  version integer NOT NULL,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (set_name, version)
)`;

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Applies the pending migrations of each set, each in its own transaction, serialised across processes. */
export async function migrate(db: SqlDatabase, sets: readonly MigrationSet[]): Promise<AppliedMigration[]> {
  await db.query(BOOTSTRAP);
  const applied: AppliedMigration[] = [];
  for (const set of sets) {
    const versions = set.migrations.map((m) => m.version);
    if (versions.some((v, i) => i > 0 && v <= (versions[i - 1] ?? 0))) {
      throw new Error(`migration set ${set.name}: versions must be strictly increasing`);
    }
    for (const migration of set.migrations) {
      const done = await db.transaction(async (tx) => {
        // Advisory locks are cluster-wide: the schema in the key lets servers (and test workers) that migrate
        // different schemas of one cluster go side by side, while two servers of one schema still take turns.
        await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1 || current_schema(), 0))', [
          'wattlog:migrations:',
        ]);
        const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE set_name = $1 AND version = $2', [
          set.name,
          migration.version,
        ]);
        if (rows.length > 0) return false;
        await tx.exec(migration.sql);
        await tx.exec(
          `INSERT INTO schema_migrations (set_name, version, name) VALUES (${quote(set.name)}, ${migration.version}, ${quote(migration.name)})`,
        );
        return true;
      });
      if (done) applied.push({ set: set.name, version: migration.version, name: migration.name });
    }
  }
  return applied;
}
