import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isAdmin } from '../../../domain/access/principal.js';
import { bind, epochMs, isoFromEpochMs } from '../../shared/sql.js';
import { READ_MODEL_DB, type SqlExecutor } from '../../ports/read-model-db.port.js';
import { NotAuthenticatedError } from '../access.errors.js';
import { DATA_ACCESS_LOG_TABLE } from '../data-access-log-read-model/data-access-log.tables.js';
import { QueryAccessLog, type AccessLogEntry } from './query-access-log.query.js';

interface LogRow {
  actor_id: string;
  sensor_id: string;
  gateway_id: string;
  first_at: number;
  last_at: number;
  requests: string | number;
  rows_returned: string | number;
}

@QueryHandler(QueryAccessLog)
export class QueryAccessLogHandler implements IQueryHandler<QueryAccessLog, { items: AccessLogEntry[] }> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqlExecutor) {}

  async execute({ principal, filter }: QueryAccessLog): Promise<{ items: AccessLogEntry[] }> {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    if (principal.kind === 'client') return { items: [] };
    const params: unknown[] = [];
    const where: string[] = [];
    // Owners see the reads of their sensors made while they owned them, before and after a handover (ADR 0024).
    if (!isAdmin(principal)) where.push(`owner_id = ${bind(params, principal.userId)}`);
    if (filter.sensorId !== undefined) where.push(`sensor_id = ${bind(params, filter.sensorId)}`);
    if (filter.actorId !== undefined) where.push(`actor_id = ${bind(params, filter.actorId)}`);
    const rows = await this.db.query<LogRow>(
      `SELECT actor_id, sensor_id, gateway_id, ${epochMs('first_at')}, ${epochMs('last_at')}, requests::float8 AS requests, rows_returned::float8 AS rows_returned
         FROM ${DATA_ACCESS_LOG_TABLE}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
        ORDER BY last_at DESC, actor_id, sensor_id LIMIT ${bind(params, filter.limit)}`,
      params,
    );
    return {
      items: rows.map((r) => ({
        actorId: r.actor_id,
        sensorId: r.sensor_id,
        gatewayId: r.gateway_id,
        firstAt: isoFromEpochMs(r.first_at),
        lastAt: isoFromEpochMs(r.last_at),
        requests: Number(r.requests),
        rows: Number(r.rows_returned),
      })),
    };
  }
}
