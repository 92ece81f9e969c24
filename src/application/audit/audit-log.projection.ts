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
    const columns = {
      seq: [] as number[],
      eventId: [] as string[],
      position: [] as string[],
      stream: [] as string[],
      revision: [] as number[],
      type: [] as string[],
      actor: [] as (string | null)[],
      correlation: [] as (string | null)[],
      recordedAt: [] as string[],
      summary: [] as string[],
    };
    batch.forEach((event, i) => {
      columns.seq.push(sequence + i + 1);
      columns.eventId.push(event.id);
      columns.position.push(event.position);
      columns.stream.push(event.stream);
      columns.revision.push(event.revision);
      columns.type.push(event.type);
      columns.actor.push(optionalText(event.metadata.actorId));
      columns.correlation.push(optionalText(event.metadata.correlationId));
      columns.recordedAt.push(event.recordedAt);
      columns.summary.push(summarizeEvent(event));
    });
    await tx.query(
      `INSERT INTO ${table('audit_log')}
         (seq, event_id, position, stream, revision, type, actor_id, correlation_id, recorded_at, summary)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[],
                            $8::text[], $9::timestamptz[], $10::text[])`,
      [
        columns.seq,
        columns.eventId,
        columns.position,
        columns.stream,
        columns.revision,
        columns.type,
        columns.actor,
        columns.correlation,
        columns.recordedAt,
        columns.summary,
      ],
    );
  },
};
