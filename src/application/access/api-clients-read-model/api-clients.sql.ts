import type { SqlExecutor } from '../../ports/read-model-db.port.js';

export interface ApiClientView {
  readonly clientId: string;
  readonly organisation: string;
  readonly name: string;
  readonly secretFingerprint: string;
  readonly registeredAt: string;
  readonly secretRotatedAt: string | null;
  readonly revokedAt: string | null;
  readonly revokedReason: string | null;
}

interface ApiClientRow {
  client_id: string;
  organisation: string;
  name: string;
  secret_fingerprint: string;
  registered_at: Date | string;
  secret_rotated_at: Date | string | null;
  revoked_at: Date | string | null;
  revoked_reason: string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export async function selectApiClients(
  db: SqlExecutor,
  table: string,
  page: { after?: string; limit: number },
): Promise<ApiClientView[]> {
  const rows = await db.query<ApiClientRow>(
    `SELECT client_id, organisation, name, secret_fingerprint, registered_at, secret_rotated_at, revoked_at, revoked_reason FROM ${table}
      WHERE ($1::text IS NULL OR client_id > $1) ORDER BY client_id LIMIT $2`,
    [page.after ?? null, page.limit],
  );
  return rows.map((row) => ({
    clientId: row.client_id,
    organisation: row.organisation,
    name: row.name,
    secretFingerprint: row.secret_fingerprint,
    registeredAt: iso(row.registered_at)!,
    secretRotatedAt: iso(row.secret_rotated_at),
    revokedAt: iso(row.revoked_at),
    revokedReason: row.revoked_reason,
  }));
}
