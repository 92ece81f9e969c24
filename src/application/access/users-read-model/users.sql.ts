import type { Role } from '../../../domain/access/principal.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';

export interface UserView {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly registeredAt: string;
  readonly disabledAt: string | null;
  readonly disabledReason: string | null;
}

interface UserRow {
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  registered_at: Date | string;
  disabled_at: Date | string | null;
  disabled_reason: string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

export async function selectUsers(
  db: SqlExecutor,
  table: string,
  page: { after?: string; limit: number },
): Promise<UserView[]> {
  const rows = await db.query<UserRow>(
    `SELECT user_id, email, display_name, role, registered_at, disabled_at, disabled_reason FROM ${table}
      WHERE ($1::text IS NULL OR email > $1) ORDER BY email LIMIT $2`,
    [page.after ?? null, page.limit],
  );
  return rows.map((row) => ({
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    registeredAt: iso(row.registered_at),
    disabledAt: row.disabled_at === null ? null : iso(row.disabled_at),
    disabledReason: row.disabled_reason,
  }));
}
