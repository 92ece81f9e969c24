import {
  isVenReportEvent,
  VEN_REPORT_EVENT_TYPES,
  type VenReportEvent,
} from '../../../domain/market/ven-report.events.js';
import { assertNever } from '../../../domain/shared/decider.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { BatchContext, Projection } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { REPORTS_MIGRATIONS, REPORTS_TABLE } from './reports.tables.js';

async function applyEvent(tx: SqlExecutor, table: string, event: VenReportEvent, seq: number) {
  switch (event.type) {
    case 'VenReportSubmitted': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${table} (report_id, seq, provider_id, program_id, event_id, ven_id, client_id, client_name, content,
           created_at, modified_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $10) ON CONFLICT (report_id) DO NOTHING`,
        [
          d.reportId,
          seq,
          d.providerId,
          d.programId,
          d.content.eventID,
          d.venId,
          d.clientId,
          d.content.clientName,
          JSON.stringify(d.content),
          d.at,
        ],
      );
      return;
    }
    case 'VenReportRevised': {
      const d = event.data;
      await tx.query(
        `UPDATE ${table} SET content = $2::jsonb, client_name = $3, modified_at = $4 WHERE report_id = $1`,
        [d.reportId, JSON.stringify(d.content), d.content.clientName, d.at],
      );
      return;
    }
    case 'VenReportWithdrawn':
      await tx.query(`DELETE FROM ${table} WHERE report_id = $1`, [event.data.reportId]);
      return;
    default:
      assertNever(event);
  }
}

/** OpenADR reports as the program's utility reads them; a withdrawn program takes its reports out of view. */
export const reportsProjection: Projection = {
  name: REPORTS_TABLE,
  eventTypes: [...VEN_REPORT_EVENT_TYPES, 'ProgramWithdrawn'],
  tables: [REPORTS_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table, sequence }: BatchContext) {
    const physical = table(REPORTS_TABLE);
    for (const [i, recorded] of batch.entries()) {
      if (recorded.type === 'ProgramWithdrawn') {
        const { programId } = recorded.data as { programId: string };
        await tx.query(`DELETE FROM ${physical} WHERE program_id = $1`, [programId]);
        continue;
      }
      if (!isVenReportEvent(recorded)) continue;
      await applyEvent(tx, physical, { type: recorded.type, data: recorded.data } as VenReportEvent, sequence + i + 1);
    }
  },
};

export const reportsReadModel: ReadModel = { migrations: REPORTS_MIGRATIONS, projection: () => reportsProjection };
