import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { actorIdOf, isAdmin } from '../../../domain/access/principal.js';
import { CLOCK, type Clock } from '../../ports/clock.port.js';
import { READ_MODEL_DB, type SqlExecutor } from '../../ports/read-model-db.port.js';
import { bind, epochMs, isoFromEpochMs, isoOrNull } from '../../shared/sql.js';
import { NotAuthenticatedError } from '../access.errors.js';
import { GRANTS_TABLE } from '../access-read-model/access.tables.js';
import { ListGrants, type GrantView } from './list-grants.query.js';

interface GrantRow {
  grant_id: string;
  grantor: string;
  grantee_kind: string;
  grantee_id: string;
  gateway_ids: string[];
  node_ids: string[];
  sensor_ids: string[];
  rights: string[];
  expires_at: number | null;
  granted_at: number;
  status: 'active' | 'revoked' | 'expired';
  ended_at: number | null;
  end_reason: string | null;
}

const ACTOR_GRANTEE = `grantee_kind || ':' || grantee_id`;

@QueryHandler(ListGrants)
export class ListGrantsHandler implements IQueryHandler<ListGrants, { items: GrantView[]; nextAfter: string | null }> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: SqlExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, filter }: ListGrants): Promise<{ items: GrantView[]; nextAfter: string | null }> {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    const params: unknown[] = [];
    const where: string[] = [];
    // Admins see every grant unless they narrow it; everyone else only grants they gave or hold.
    const me = isAdmin(principal)
      ? (filter.actorId ?? (filter.role ? actorIdOf(principal) : null))
      : actorIdOf(principal);
    if (me !== null) {
      const who = bind(params, me);
      where.push(
        filter.role === 'given'
          ? `grantor = ${who}`
          : filter.role === 'held'
            ? `${ACTOR_GRANTEE} = ${who}`
            : `(grantor = ${who} OR ${ACTOR_GRANTEE} = ${who})`,
      );
    }
    const now = bind(params, this.clock.now().toISOString());
    const effective = `CASE WHEN status = 'active' AND expires_at <= ${now}::timestamptz THEN 'expired' ELSE status END`;
    if (filter.status !== undefined) where.push(`${effective} = ${bind(params, filter.status)}`);
    if (filter.after !== undefined) where.push(`grant_id > ${bind(params, filter.after)}`);
    const rows = await this.db.query<GrantRow>(
      `SELECT grant_id, grantor, grantee_kind, grantee_id, gateway_ids, node_ids, sensor_ids, rights, ${epochMs('expires_at')},
              ${epochMs('granted_at')}, ${effective} AS status, ${epochMs('ended_at')}, end_reason
         FROM ${GRANTS_TABLE}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
        ORDER BY grant_id LIMIT ${bind(params, filter.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map((r): GrantView => ({
      grantId: r.grant_id,
      grantor: r.grantor,
      grantee: { kind: r.grantee_kind, id: r.grantee_id },
      scope: { gatewayIds: r.gateway_ids, nodeIds: r.node_ids, sensorIds: r.sensor_ids },
      rights: r.rights,
      expiresAt: isoOrNull(r.expires_at),
      grantedAt: isoFromEpochMs(r.granted_at),
      status: r.status,
      endedAt: isoOrNull(r.ended_at),
      endReason: r.end_reason === 'ownership_changed' ? 'ownership_changed' : null,
    }));
    return { items, nextAfter: rows.length > filter.limit ? (items.at(-1)?.grantId ?? null) : null };
  }
}
