import type { RecordedEvent } from '../ports/event-store.port.js';
import type { SqlExecutor } from '../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../projections/projection.js';
import { summarizeEvent } from './event-summary.js';

function optionalText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** One row per stored event: the trail admins read. A duplicate delivery would violate event_id's key. */
export const auditLogProjection: Projection = {
  name: 'audit',
  tables: ['audit_log'],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table, sequence }: { table: TableResolver; sequence: number }) {
    await tx.insertRows(
      table('audit_log'),
      ['seq', 'event_id', 'position', 'stream', 'revision', 'type', 'actor_id', 'correlation_id', 'recorded_at', 'summary'],
      batch.map((event, i) => [
        sequence + i + 1,
        event.id,
        event.position,
        event.stream,
        event.revision,
        event.type,
        optionalText(event.metadata.actorId),
        optionalText(event.metadata.correlationId),
        event.recordedAt,
        summarizeEvent(event),
      ]),
    );
  },
};
