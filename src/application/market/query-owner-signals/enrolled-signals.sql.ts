import type { EnrolledProgramSignals } from '../../../domain/market/owner-signals.js';
import type { OadrEventContent } from '../../../domain/market/signal-segments/signal-content.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { ENROLLMENTS_TABLE, RESOURCES_TABLE, VENS_TABLE } from '../enrollments-read-model/enrollments.tables.js';
import { GRID_SIGNALS_TABLE } from '../grid-signals-read-model/grid-signals.tables.js';

/** The most events of one program a request compiles (day-ahead tariffs for a month are ~31). */
const MAX_EVENTS = 2000;

export interface EnrollmentRef {
  readonly enrollmentId: string;
  readonly programId: string;
  readonly status: string;
}

/** The owner's enrollments whose signals are shown: live ones, or (with `includeEnded`) every one; one program's with `programId`. */
export async function ownerEnrollmentRefs(
  db: SqlExecutor,
  ownerId: string,
  programId: string | undefined,
  includeEnded: boolean,
): Promise<EnrollmentRef[]> {
  const rows = await db.query<{ enrollment_id: string; program_id: string; status: string }>(
    `SELECT enrollment_id, program_id, status FROM ${ENROLLMENTS_TABLE}
      WHERE owner_id = $1 AND ($2::text IS NULL OR program_id = $2) AND ($3 OR status <> 'ended')
      ORDER BY seq`,
    [ownerId, programId ?? null, includeEnded],
  );
  return rows.map((r) => ({ enrollmentId: r.enrollment_id, programId: r.program_id, status: r.status }));
}

/**
 * One enrollment's program signals that may overlap `fromIso` onwards, and the ven and resources they are matched
 * against. An ended enrollment has no ven left: it is addressed by untargeted signals only.
 */
export async function enrolledProgramSignals(
  db: SqlExecutor,
  ref: EnrollmentRef,
  fromIso: string,
): Promise<EnrolledProgramSignals> {
  const [ven] = await db.query<{ ven_id: string; ven_name: string; targets: string[] }>(
    `SELECT ven_id, ven_name, targets FROM ${VENS_TABLE} WHERE enrollment_id = $1`,
    [ref.enrollmentId],
  );
  const resources = await db.query<{ resource_name: string; targets: string[] }>(
    `SELECT resource_name, targets FROM ${RESOURCES_TABLE} WHERE enrollment_id = $1 ORDER BY ordinal`,
    [ref.enrollmentId],
  );
  const events = await db.query<{ event_id: string; content: unknown; modified_at: string }>(
    `SELECT event_id, content, modified_at FROM ${GRID_SIGNALS_TABLE}
      WHERE program_id = $1 AND NOT zeroed AND (ends_at IS NULL OR ends_at > $2::timestamptz)
      ORDER BY seq LIMIT ${MAX_EVENTS}`,
    [ref.programId, fromIso],
  );
  return {
    programId: ref.programId,
    participant: {
      venId: ven?.ven_id ?? ref.enrollmentId,
      venName: ven?.ven_name ?? '',
      venTargets: ven?.targets ?? [],
      resources: resources.map((r) => ({ resourceName: r.resource_name, targets: r.targets })),
    },
    events: events.map((row) => {
      const content = (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as OadrEventContent & {
        targets?: string[];
      };
      return { ...content, id: row.event_id, modificationDateTime: row.modified_at };
    }),
  };
}
