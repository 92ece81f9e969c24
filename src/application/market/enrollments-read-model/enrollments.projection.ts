import {
  isEnrollmentEvent,
  ENROLLMENT_EVENT_TYPES,
  type EnrollmentEvent,
} from '../../../domain/market/enrollment.events.js';
import type { ProgramWithdrawn } from '../../../domain/market/program.events.js';
import { assertNever } from '../../../domain/shared/decider.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { BatchContext, Projection } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { ENROLLMENTS_MIGRATIONS, ENROLLMENTS_TABLE, RESOURCES_TABLE, VENS_TABLE } from './enrollments.tables.js';

interface Tables {
  readonly enrollments: string;
  readonly vens: string;
  readonly resources: string;
}

// A status change never revives an enrollment the withdrawal of its program ended (the stream does not know of it).
async function touch(tx: SqlExecutor, t: Tables, enrollmentId: string, at: string, revision: number, set = '') {
  await tx.query(`UPDATE ${t.enrollments} SET modified_at = $2, revision = $3${set} WHERE enrollment_id = $1`, [
    enrollmentId,
    at,
    revision,
  ]);
}

const unlessEnded = (status: string): string => `CASE WHEN status = 'ended' THEN status ELSE '${status}' END`;

async function applyEvent(tx: SqlExecutor, t: Tables, event: EnrollmentEvent, revision: number, seq: number) {
  switch (event.type) {
    case 'ProgramEnrollmentAccepted': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t.enrollments} (enrollment_id, seq, owner_id, program_id, provider_id, ven_id, status,
           allow_dispatch, share_reports, sensor_ids, paused_until, created_at, modified_at, revision)
         VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $9::text[], NULL, $10, $10, $11)
         ON CONFLICT (enrollment_id) DO NOTHING`,
        [
          d.enrollmentId,
          seq,
          d.ownerId,
          d.programId,
          d.providerId,
          d.venId,
          d.allowDispatch,
          d.shareReports,
          d.resources.map((r) => r.sensorId),
          d.at,
          revision,
        ],
      );
      await tx.query(
        `INSERT INTO ${t.vens} (ven_id, seq, enrollment_id, provider_id, program_id, ven_name, status, targets, created_at, modified_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'active', '{}', $7, $7) ON CONFLICT (ven_id) DO NOTHING`,
        [d.venId, seq, d.enrollmentId, d.providerId, d.programId, d.venName, d.at],
      );
      for (const [ordinal, r] of d.resources.entries()) {
        await tx.query(
          `INSERT INTO ${t.resources} (resource_id, seq, ordinal, ven_id, enrollment_id, provider_id, resource_name,
             sensor_id, targets, created_at, modified_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '{}', $9, $9) ON CONFLICT (resource_id) DO NOTHING`,
          [r.resourceId, seq, ordinal, d.venId, d.enrollmentId, d.providerId, r.resourceName, r.sensorId, d.at],
        );
      }
      return;
    }
    case 'ProgramEnrollmentPaused': {
      const d = event.data;
      await touch(tx, t, d.enrollmentId, d.at, revision, `, status = ${unlessEnded('paused')}`);
      await tx.query(`UPDATE ${t.vens} SET status = 'paused', modified_at = $2 WHERE enrollment_id = $1`, [
        d.enrollmentId,
        d.at,
      ]);
      await tx.query(`UPDATE ${t.enrollments} SET paused_until = $2 WHERE enrollment_id = $1`, [
        d.enrollmentId,
        d.until,
      ]);
      return;
    }
    case 'ProgramEnrollmentResumed': {
      const d = event.data;
      await touch(tx, t, d.enrollmentId, d.at, revision, `, status = ${unlessEnded('active')}, paused_until = NULL`);
      await tx.query(`UPDATE ${t.vens} SET status = 'active', modified_at = $2 WHERE enrollment_id = $1`, [
        d.enrollmentId,
        d.at,
      ]);
      return;
    }
    case 'ProgramEnrollmentEnded': {
      const d = event.data;
      await touch(tx, t, d.enrollmentId, d.at, revision, `, status = 'ended', paused_until = NULL`);
      await tx.query(`DELETE FROM ${t.resources} WHERE enrollment_id = $1`, [d.enrollmentId]);
      await tx.query(`DELETE FROM ${t.vens} WHERE enrollment_id = $1`, [d.enrollmentId]);
      return;
    }
    case 'VenTargetsAssigned': {
      const d = event.data;
      await touch(tx, t, d.enrollmentId, d.at, revision);
      await tx.query(`UPDATE ${t.vens} SET targets = $2::text[], modified_at = $3 WHERE ven_id = $1`, [
        d.venId,
        d.targets,
        d.at,
      ]);
      return;
    }
    case 'ResourceTargetsAssigned': {
      const d = event.data;
      await touch(tx, t, d.enrollmentId, d.at, revision);
      await tx.query(`UPDATE ${t.resources} SET targets = $2::text[], modified_at = $3 WHERE resource_id = $1`, [
        d.resourceId,
        d.targets,
        d.at,
      ]);
      return;
    }
    default:
      assertNever(event);
  }
}

/** A withdrawn program takes its participants out of view: the utility has nothing left to address them by. */
async function programWithdrawn(tx: SqlExecutor, t: Tables, event: ProgramWithdrawn) {
  const { programId } = event.data;
  await tx.query(`DELETE FROM ${t.resources} WHERE ven_id IN (SELECT ven_id FROM ${t.vens} WHERE program_id = $1)`, [
    programId,
  ]);
  await tx.query(`DELETE FROM ${t.vens} WHERE program_id = $1`, [programId]);
  await tx.query(
    `UPDATE ${t.enrollments} SET status = 'ended', paused_until = NULL, modified_at = $2
      WHERE program_id = $1 AND status <> 'ended'`,
    [programId, event.data.at],
  );
}

/**
 * Owners' enrollments and the OpenADR vens and resources they show the program's utility. A ven lives as long as
 * its enrollment: ending it (or withdrawing the program) deletes the ven and its resources from every view.
 */
export const enrollmentsProjection: Projection = {
  name: ENROLLMENTS_TABLE,
  eventTypes: [...ENROLLMENT_EVENT_TYPES, 'ProgramWithdrawn'],
  tables: [ENROLLMENTS_TABLE, VENS_TABLE, RESOURCES_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table, sequence }: BatchContext) {
    const t = { enrollments: table(ENROLLMENTS_TABLE), vens: table(VENS_TABLE), resources: table(RESOURCES_TABLE) };
    for (const [i, recorded] of batch.entries()) {
      if (recorded.type === 'ProgramWithdrawn') {
        await programWithdrawn(tx, t, { type: 'ProgramWithdrawn', data: recorded.data as ProgramWithdrawn['data'] });
        continue;
      }
      if (!isEnrollmentEvent(recorded)) continue;
      const event = { type: recorded.type, data: recorded.data } as EnrollmentEvent;
      await applyEvent(tx, t, event, recorded.revision, sequence + i + 1);
    }
  },
};

export const enrollmentsReadModel: ReadModel = {
  migrations: ENROLLMENTS_MIGRATIONS,
  projection: () => enrollmentsProjection,
};
