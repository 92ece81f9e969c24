import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { NodeRow } from './node-row.js';

import { NODES_TABLE } from './nodes.tables.js';

export { NODES_TABLE };

const COLUMNS: readonly (readonly [column: string, field: keyof NodeRow, type: 'text' | 'integer' | 'timestamptz'])[] =
  [
    ['node_id', 'nodeId', 'text'],
    ['gateway_id', 'gatewayId', 'text'],
    ['protocol', 'protocol', 'text'],
    ['model', 'model', 'text'],
    ['vendor', 'vendor', 'text'],
    ['firmware', 'firmware', 'text'],
    ['status', 'status', 'text'],
    ['link_quality', 'linkQuality', 'integer'],
    ['availability', 'availability', 'text'],
    ['joined_at', 'joinedAt', 'timestamptz'],
    ['interviewed_at', 'interviewedAt', 'timestamptz'],
    ['left_at', 'leftAt', 'timestamptz'],
    ['last_seen_at', 'lastSeenAt', 'timestamptz'],
  ];

/** Times as epoch ms so pg and PGlite hand back the same JS values. */
const SELECT_LIST = COLUMNS.map(([column, , type]) =>
  type === 'timestamptz' ? `(extract(epoch FROM ${column}) * 1000)::float8 AS ${column}` : column,
).join(', ');

function fromDb(raw: Record<string, unknown>): NodeRow {
  const row: Record<string, unknown> = {};
  for (const [column, field, type] of COLUMNS) {
    const value = raw[column];
    row[field] =
      value === null
        ? null
        : type === 'timestamptz'
          ? new Date(Number(value)).toISOString()
          : type === 'integer'
            ? Number(value)
            : value;
  }
  return row as unknown as NodeRow;
}

export async function selectNodes(
  db: SqlExecutor,
  table: string,
  filter: { readonly ids?: readonly string[] } = {},
): Promise<NodeRow[]> {
  const where = filter.ids ? ' WHERE node_id = ANY($1::text[])' : '';
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${SELECT_LIST} FROM ${table}${where} ORDER BY node_id`,
    filter.ids ? [filter.ids] : [],
  );
  return rows.map(fromDb);
}

/** Writes whole rows (already folded in memory against the stored ones) in one statement. */
export async function upsertNodes(tx: SqlExecutor, table: string, rows: readonly NodeRow[]): Promise<void> {
  if (rows.length === 0) return;
  const names = COLUMNS.map(([column]) => column);
  const arrays = COLUMNS.map(([, , type], i) => `$${i + 1}::${type}[]`);
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT * FROM unnest(${arrays.join(', ')})
     ON CONFLICT (node_id) DO UPDATE SET ${names
       .filter((n) => n !== 'node_id')
       .map((n) => `${n} = excluded.${n}`)
       .join(', ')}`,
    COLUMNS.map(([, field]) => rows.map((row) => row[field])),
  );
}
