import { isProgramEvent, PROGRAM_EVENT_TYPES, type ProgramEvent } from '../../../domain/market/program.events.js';
import { assertNever } from '../../../domain/shared/decider.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { BatchContext, Projection } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { PROGRAMS_MIGRATIONS, PROGRAMS_TABLE } from './programs.tables.js';

async function applyEvent(tx: SqlExecutor, table: string, event: ProgramEvent, revision: number, seq: number) {
  switch (event.type) {
    case 'ProgramPublished': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${table} (program_id, seq, provider_id, program_name, targets, content, created_at, modified_at, revision)
         VALUES ($1, $2, $3, $4, $5::text[], $6::jsonb, $7, $7, $8) ON CONFLICT (program_id) DO NOTHING`,
        [
          d.programId,
          seq,
          d.providerId,
          d.content.programName,
          d.content.targets ?? [],
          JSON.stringify(d.content),
          d.at,
          revision,
        ],
      );
      return;
    }
    case 'ProgramRevised': {
      const d = event.data;
      await tx.query(
        `UPDATE ${table} SET program_name = $2, targets = $3::text[], content = $4::jsonb, modified_at = $5, revision = $6
          WHERE program_id = $1`,
        [d.programId, d.content.programName, d.content.targets ?? [], JSON.stringify(d.content), d.at, revision],
      );
      return;
    }
    case 'ProgramWithdrawn':
      await tx.query(`DELETE FROM ${table} WHERE program_id = $1`, [event.data.programId]);
      return;
    default:
      assertNever(event);
  }
}

/** OpenADR programs as utilities read them: published, revised (whole content), gone when withdrawn. */
export const programsProjection: Projection = {
  name: PROGRAMS_TABLE,
  eventTypes: PROGRAM_EVENT_TYPES,
  tables: [PROGRAMS_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table, sequence }: BatchContext) {
    const physical = table(PROGRAMS_TABLE);
    for (const [i, recorded] of batch.entries()) {
      if (!isProgramEvent(recorded)) continue;
      const event = { type: recorded.type, data: recorded.data } as ProgramEvent;
      await applyEvent(tx, physical, event, recorded.revision, sequence + i + 1);
    }
  },
};

export const programsReadModel: ReadModel = { migrations: PROGRAMS_MIGRATIONS, projection: () => programsProjection };
