import type { GranteeRef, PrincipalDirectory } from '../../application/access/ports/principal-directory.port.js';
import type { SqlExecutor } from '../../application/ports/read-model-db.port.js';

/** Users and API clients as the identity read models hold them (tables `users` and `api_clients`). */
export class SqlPrincipalDirectory implements PrincipalDirectory {
  constructor(private readonly db: SqlExecutor) {}

  async exists(grantee: GranteeRef): Promise<boolean> {
    const rows =
      grantee.kind === 'user'
        ? await this.db.query('SELECT 1 FROM users WHERE user_id = $1 AND disabled_at IS NULL', [grantee.id])
        : await this.db.query('SELECT 1 FROM api_clients WHERE client_id = $1 AND revoked_at IS NULL', [grantee.id]);
    return rows.length > 0;
  }
}
