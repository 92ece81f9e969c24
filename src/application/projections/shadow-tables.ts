import type { SqlExecutor } from '../ports/read-model-db.port.js';

export const SHADOW_SUFFIX = '__rebuild';

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
}

interface Named {
  readonly name: string;
  readonly definition: string;
}

async function constraintsOf(tx: SqlExecutor, table: string): Promise<Named[]> {
  return tx.query<Named>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = to_regclass($1) AND contype IN ('p', 'u', 'x') ORDER BY conname`,
    [table],
  );
}

/** Indexes that do not back a constraint: built after the bulk load, which is far cheaper than row by row. */
async function secondaryIndexesOf(tx: SqlExecutor, table: string): Promise<Named[]> {
  return tx.query<Named>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = to_regclass($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY i.relname`,
    [table],
  );
}

/** An empty copy of `table` with its columns, defaults, checks and key constraints, without secondary indexes. */
export async function createShadow(tx: SqlExecutor, table: string): Promise<void> {
  const shadow = table + SHADOW_SUFFIX;
  await tx.query(`DROP TABLE IF EXISTS ${ident(shadow)}`);
  await tx.query(
    `CREATE TABLE ${ident(shadow)} (LIKE ${ident(table)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING STORAGE)`,
  );
  for (const c of await constraintsOf(tx, table)) {
    await tx.query(`ALTER TABLE ${ident(shadow)} ADD CONSTRAINT ${ident(c.name + SHADOW_SUFFIX)} ${c.definition}`);
  }
}

/** The statements that give a shadow its live table's secondary indexes; each may run in its own transaction. */
export async function shadowIndexStatements(tx: SqlExecutor, table: string): Promise<string[]> {
  const shadow = table + SHADOW_SUFFIX;
  return (await secondaryIndexesOf(tx, table)).map((index) => {
    const match = /^CREATE (UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+ (USING .*)$/.exec(index.definition);
    if (!match?.[2]) throw new Error(`cannot rebuild index ${index.name}: ${index.definition}`);
    return `CREATE ${match[1] ?? ''}INDEX ${ident(index.name + SHADOW_SUFFIX)} ON ${ident(shadow)} ${match[2]}`;
  });
}

/** Replaces `table` by its shadow and gives the shadow's constraints and indexes the original names. */
export async function swapInShadow(tx: SqlExecutor, table: string): Promise<void> {
  const shadow = table + SHADOW_SUFFIX;
  const constraints = await constraintsOf(tx, shadow);
  const indexes = await secondaryIndexesOf(tx, shadow);
  await tx.query(`DROP TABLE ${ident(table)}`);
  await tx.query(`ALTER TABLE ${ident(shadow)} RENAME TO ${ident(table)}`);
  for (const c of constraints) {
    await tx.query(
      `ALTER TABLE ${ident(table)} RENAME CONSTRAINT ${ident(c.name)} TO ${ident(c.name.slice(0, -SHADOW_SUFFIX.length))}`,
    );
  }
  for (const index of indexes) {
    await tx.query(`ALTER INDEX ${ident(index.name)} RENAME TO ${ident(index.name.slice(0, -SHADOW_SUFFIX.length))}`);
  }
}
