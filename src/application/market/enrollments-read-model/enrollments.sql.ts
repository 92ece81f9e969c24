import type { EnrollmentStatus } from '../../../domain/market/enrollment.decider.js';
import type { ShareReports } from '../../../domain/market/enrollment.events.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { ENROLLMENTS_TABLE } from './enrollments.tables.js';

/** An enrollment as its owner reads it through `/api/market/enrollments`. */
export interface EnrollmentView {
  readonly id: string;
  readonly programId: string;
  readonly status: EnrollmentStatus;
  readonly allowDispatch: boolean;
  readonly shareReports: ShareReports;
  readonly sensorIds: readonly string[];
  readonly pausedUntil: string | null;
  /** The OpenADR ven the program's utility sees in the owner's place (opaque name, no personal data). */
  readonly venId: string;
  readonly createdAt: string;
  readonly modifiedAt: string;
}

interface EnrollmentRow {
  enrollment_id: string;
  program_id: string;
  status: EnrollmentStatus;
  allow_dispatch: boolean;
  share_reports: ShareReports;
  sensor_ids: string[];
  paused_until: string | null;
  ven_id: string;
  created_at: string;
  modified_at: string;
}

const COLUMNS =
  'enrollment_id, program_id, status, allow_dispatch, share_reports, sensor_ids, paused_until, ven_id, created_at, modified_at';

function view(row: EnrollmentRow): EnrollmentView {
  return {
    id: row.enrollment_id,
    programId: row.program_id,
    status: row.status,
    allowDispatch: row.allow_dispatch,
    shareReports: row.share_reports,
    sensorIds: row.sensor_ids,
    pausedUntil: row.paused_until,
    venId: row.ven_id,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

/** The owner's enrollments, oldest first; ended ones included (the owner's history). */
export async function selectOwnerEnrollments(db: SqlExecutor, ownerId: string): Promise<EnrollmentView[]> {
  const rows = await db.query<EnrollmentRow>(
    `SELECT ${COLUMNS} FROM ${ENROLLMENTS_TABLE} WHERE owner_id = $1 ORDER BY seq LIMIT 500`,
    [ownerId],
  );
  return rows.map(view);
}

export async function selectOwnerEnrollment(
  db: SqlExecutor,
  ownerId: string,
  enrollmentId: string,
): Promise<EnrollmentView | undefined> {
  const [row] = await db.query<EnrollmentRow>(
    `SELECT ${COLUMNS} FROM ${ENROLLMENTS_TABLE} WHERE owner_id = $1 AND enrollment_id = $2`,
    [ownerId, enrollmentId],
  );
  return row ? view(row) : undefined;
}

/** The owner's live (active or paused) enrollment in the program, if any: one per owner and program. */
export async function liveEnrollmentIn(
  db: SqlExecutor,
  ownerId: string,
  programId: string,
): Promise<string | undefined> {
  const [row] = await db.query<{ enrollment_id: string }>(
    `SELECT enrollment_id FROM ${ENROLLMENTS_TABLE} WHERE owner_id = $1 AND program_id = $2 AND status <> 'ended' LIMIT 1`,
    [ownerId, programId],
  );
  return row?.enrollment_id;
}

/** The stream revision the enrollment's row reflects; -1 when there is none yet. */
export async function enrollmentRowRevision(db: SqlExecutor, enrollmentId: string): Promise<number> {
  const [row] = await db.query<{ revision: number }>(
    `SELECT revision FROM ${ENROLLMENTS_TABLE} WHERE enrollment_id = $1`,
    [enrollmentId],
  );
  return row ? Number(row.revision) : -1;
}
