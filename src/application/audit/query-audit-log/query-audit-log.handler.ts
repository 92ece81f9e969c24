import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { QueryAuditLog, type AuditEntry, type AuditPage } from './query-audit-log.query.js';

interface AuditRow {
  seq: string;
  event_id: string;
  stream: string;
  revision: string;
  type: string;
  actor_id: string | null;
  correlation_id: string | null;
  recorded_at: Date | string;
  summary: string;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    eventId: row.event_id,
    stream: row.stream,
    revision: Number(row.revision),
    type: row.type,
    actorId: row.actor_id,
    correlationId: row.correlation_id,
    recordedAt: new Date(row.recorded_at).toISOString(),
    summary: row.summary,
  };
}

@QueryHandler(QueryAuditLog)
export class QueryAuditLogHandler implements IQueryHandler<QueryAuditLog, AuditPage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async execute({ principal, filter }: QueryAuditLog): Promise<AuditPage> {
    this.access.assertAdmin(principal, 'reading the audit trail');
    const newestFirst = filter.order === 'desc';
    const params: unknown[] = newestFirst
      ? [filter.beforeSeq ?? Number.MAX_SAFE_INTEGER, filter.limit + 1]
      : [filter.afterSeq ?? 0, filter.limit + 1];
    const where = [newestFirst ? 'a.seq < $1' : 'a.seq > $1'];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.stream !== undefined) add('a.stream = ?', filter.stream);
    if (filter.type !== undefined) add('a.type = ?', filter.type);
    if (filter.actorId !== undefined) add('a.actor_id = ?', filter.actorId);
    if (filter.objectId !== undefined)
      add('a.seq IN (SELECT o.seq FROM audit_objects o WHERE o.object_id = ?)', filter.objectId);
    if (filter.from !== undefined) add('a.recorded_at >= ?::timestamptz', filter.from);
    if (filter.to !== undefined) add('a.recorded_at < ?::timestamptz', filter.to);
    const rows = await this.db.query<AuditRow>(
      `SELECT a.seq::text, a.event_id::text, a.stream, a.revision::text, a.type, a.actor_id, a.correlation_id,
              a.recorded_at, a.summary
         FROM audit_log a WHERE ${where.join(' AND ')} ORDER BY a.seq ${newestFirst ? 'DESC' : ''} LIMIT $2`,
      params,
    );
    const items = rows.slice(0, filter.limit).map(toEntry);
    const next = rows.length > filter.limit ? (items.at(-1)?.seq ?? null) : null;
    return newestFirst
      ? { items, nextAfterSeq: null, nextBeforeSeq: next }
      : { items, nextAfterSeq: next, nextBeforeSeq: null };
  }
}
