import type { SqlExecutor } from '../../ports/read-model-db.port.js';

export async function upsertNames(tx: SqlExecutor, table: string, rows: readonly (readonly [string, string])[]): Promise<void> {
  for (const [id, name] of rows) {
    await tx.query(`INSERT INTO ${table} (gateway_id, name) VALUES ($1, $2) ON CONFLICT (gateway_id) DO UPDATE SET name = EXCLUDED.name`, [id, name]);
  }
}
