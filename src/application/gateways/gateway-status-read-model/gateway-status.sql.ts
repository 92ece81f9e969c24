import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { GatewayStatusRow } from './gateway-status.row.js';

import { GATEWAY_STATUS_TABLE } from './gateway-status.tables.js';

export { GATEWAY_STATUS_TABLE };

const COLUMNS: readonly (readonly [column: string, field: keyof GatewayStatusRow])[] = [
  ['id', 'id'],
  ['name', 'name'],
  ['network_type', 'networkType'],
  ['address', 'address'],
  ['description', 'description'],
  ['lat', 'lat'],
  ['lon', 'lon'],
  ['location_label', 'locationLabel'],
  ['owner_id', 'ownerId'],
  ['lifecycle', 'lifecycle'],
  ['key_fingerprint', 'keyFingerprint'],
  ['connection', 'connection'],
  ['last_seen_at', 'lastSeenAt'],
  ['open_sessions', 'openSessions'],
  ['frames_received', 'framesReceived'],
  ['readings_received', 'readingsReceived'],
  ['payloads_undecoded', 'payloadsUndecoded'],
  ['last_undecoded_reason', 'lastUndecodedReason'],
  ['last_refusal_reason', 'lastRefusalReason'],
  ['last_refusal_detail', 'lastRefusalDetail'],
  ['last_refusal_at', 'lastRefusalAt'],
  ['registered_at', 'registeredAt'],
  ['decommissioned_at', 'decommissionedAt'],
];

const TIMES = new Set<keyof GatewayStatusRow>(['lastSeenAt', 'lastRefusalAt', 'registeredAt', 'decommissionedAt']);
const NUMBERS = new Set<keyof GatewayStatusRow>([
  'lat',
  'lon',
  'openSessions',
  'framesReceived',
  'readingsReceived',
  'payloadsUndecoded',
]);

/** Explicit casts so pg and PGlite hand back the same JS types (bigint as text, times as ISO via epoch). */
const SELECT_LIST = COLUMNS.map(([column, field]) =>
  TIMES.has(field)
    ? `(extract(epoch FROM ${column}) * 1000)::float8 AS ${column}`
    : NUMBERS.has(field)
      ? `${column}::float8 AS ${column}`
      : column,
).join(', ');

function fromDb(raw: Record<string, unknown>): GatewayStatusRow {
  const row: Record<string, unknown> = {};
  for (const [column, field] of COLUMNS) {
    const value = raw[column];
    row[field] = TIMES.has(field)
      ? value === null
        ? null
        : new Date(Number(value)).toISOString()
      : NUMBERS.has(field)
        ? Number(value)
        : value;
  }
  return row as unknown as GatewayStatusRow;
}

export async function selectStatusRows(
  db: SqlExecutor,
  table: string,
  filter: {
    readonly ids?: readonly string[];
    readonly lifecycle?: string;
    readonly after?: string;
    readonly limit?: number;
  } = {},
): Promise<GatewayStatusRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.ids) {
    params.push(filter.ids);
    where.push(`id = ANY($${params.length}::text[])`);
  }
  if (filter.lifecycle) {
    params.push(filter.lifecycle);
    where.push(`lifecycle = $${params.length}`);
  }
  if (filter.after) {
    params.push(filter.after);
    where.push(`id > $${params.length}`);
  }
  let sql = `SELECT ${SELECT_LIST} FROM ${table}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
  if (filter.limit !== undefined) {
    params.push(filter.limit);
    sql += ` LIMIT $${params.length}`;
  }
  return (await db.query<Record<string, unknown>>(sql, params)).map(fromDb);
}

export async function upsertStatusRow(tx: SqlExecutor, table: string, row: GatewayStatusRow): Promise<void> {
  const names = COLUMNS.map(([column]) => column);
  const placeholders = COLUMNS.map(([, field], i) => (TIMES.has(field) ? `$${i + 1}::timestamptz` : `$${i + 1}`));
  const updates = names.filter((n) => n !== 'id').map((n) => `${n} = EXCLUDED.${n}`);
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${placeholders.join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
    COLUMNS.map(([, field]) => row[field]),
  );
}
