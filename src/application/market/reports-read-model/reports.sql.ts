import type { ReportContent } from '../../../domain/market/ven-report.events.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { reportObject, type ReportObject } from './report-object.js';
import { REPORTS_TABLE } from './reports.tables.js';

export type { ReportObject } from './report-object.js';

interface ReportRow {
  report_id: string;
  client_id: string;
  content: ReportContent | string;
  created_at: string;
  modified_at: string;
}

const COLUMNS = 'report_id, client_id, content, created_at, modified_at';

function toObject(row: ReportRow): ReportObject {
  const content = typeof row.content === 'string' ? (JSON.parse(row.content) as ReportContent) : row.content;
  return reportObject(row.report_id, row.client_id, row.created_at, row.modified_at, content);
}

export interface ReportFilter {
  readonly providerId: string;
  readonly programId?: string;
  readonly eventId?: string;
  readonly clientName?: string;
  readonly skip: number;
  readonly limit: number;
}

/** Reports on the provider's programs in submission order; every filter an equality (AND). */
export async function selectReports(db: SqlExecutor, filter: ReportFilter): Promise<ReportObject[]> {
  const rows = await db.query<ReportRow>(
    `SELECT ${COLUMNS} FROM ${REPORTS_TABLE}
      WHERE provider_id = $1 AND ($2::text IS NULL OR program_id = $2) AND ($3::text IS NULL OR event_id = $3)
        AND ($4::text IS NULL OR client_name = $4)
      ORDER BY seq, report_id OFFSET $5 LIMIT $6`,
    [
      filter.providerId,
      filter.programId ?? null,
      filter.eventId ?? null,
      filter.clientName ?? null,
      filter.skip,
      filter.limit,
    ],
  );
  return rows.map(toObject);
}

export async function selectReport(
  db: SqlExecutor,
  providerId: string,
  reportId: string,
): Promise<ReportObject | undefined> {
  const [row] = await db.query<ReportRow>(
    `SELECT ${COLUMNS} FROM ${REPORTS_TABLE} WHERE provider_id = $1 AND report_id = $2`,
    [providerId, reportId],
  );
  return row ? toObject(row) : undefined;
}
