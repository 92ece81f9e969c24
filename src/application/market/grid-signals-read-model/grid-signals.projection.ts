import { gridSignalEnd } from '../../../domain/market/grid-signal-span.js';
import {
  GRID_SIGNAL_EVENT_TYPES,
  isGridSignalEvent,
  type GridSignalEvent,
} from '../../../domain/market/grid-signal.events.js';
import type { ProgramWithdrawn } from '../../../domain/market/program.events.js';
import { assertNever } from '../../../domain/shared/decider.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { BatchContext, Projection } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { GRID_SIGNALS_MIGRATIONS, GRID_SIGNALS_TABLE } from './grid-signals.tables.js';

const PROGRAM_WITHDRAWN: ProgramWithdrawn['type'] = 'ProgramWithdrawn';

async function applyEvent(tx: SqlExecutor, table: string, event: GridSignalEvent, revision: number, seq: number) {
  switch (event.type) {
    case 'GridSignalPublished': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${table} (event_id, seq, program_id, provider_id, targets, content, created_at, modified_at, ends_at, zeroed, revision)
         VALUES ($1, $2, $3, $4, $5::text[], $6::jsonb, $7, $7, $8::timestamptz, false, $9) ON CONFLICT (event_id) DO NOTHING`,
        [
          d.eventId,
          seq,
          d.programId,
          d.providerId,
          d.content.targets ?? [],
          JSON.stringify(d.content),
          d.at,
          gridSignalEnd(d.content) ?? null,
          revision,
        ],
      );
      return;
    }
    case 'GridSignalRevised': {
      const d = event.data;
      await tx.query(
        `UPDATE ${table} SET program_id = $2, targets = $3::text[], content = $4::jsonb, modified_at = $5,
                ends_at = $6::timestamptz, zeroed = false, revision = $7
          WHERE event_id = $1`,
        [
          d.eventId,
          d.content.programID,
          d.content.targets ?? [],
          JSON.stringify(d.content),
          d.at,
          gridSignalEnd(d.content) ?? null,
          revision,
        ],
      );
      return;
    }
    case 'GridSignalWithdrawn':
      if (event.data.mode === 'deleted')
        await tx.query(`DELETE FROM ${table} WHERE event_id = $1`, [event.data.eventId]);
      else
        await tx.query(`UPDATE ${table} SET zeroed = true, revision = $2 WHERE event_id = $1`, [
          event.data.eventId,
          revision,
        ]);
      return;
    default:
      assertNever(event);
  }
}

/** OpenADR events as utilities read them; a withdrawn program takes its events out of view with it. */
export const gridSignalsProjection: Projection = {
  name: GRID_SIGNALS_TABLE,
  eventTypes: [...GRID_SIGNAL_EVENT_TYPES, PROGRAM_WITHDRAWN],
  tables: [GRID_SIGNALS_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table, sequence }: BatchContext) {
    const physical = table(GRID_SIGNALS_TABLE);
    for (const [i, recorded] of batch.entries()) {
      if (recorded.type === PROGRAM_WITHDRAWN) {
        const { programId } = recorded.data as ProgramWithdrawn['data'];
        await tx.query(`DELETE FROM ${physical} WHERE program_id = $1`, [programId]);
        continue;
      }
      if (!isGridSignalEvent(recorded)) continue;
      const event = { type: recorded.type, data: recorded.data } as GridSignalEvent;
      await applyEvent(tx, physical, event, recorded.revision, sequence + i + 1);
    }
  },
};

export const gridSignalsReadModel: ReadModel = {
  migrations: GRID_SIGNALS_MIGRATIONS,
  projection: () => gridSignalsProjection,
};
