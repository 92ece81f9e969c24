import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import { summarizeEvent } from '../event-summary.js';
import type { ReadModel } from '../../projections/read-model.js';
import { AUDIT_LOG_MIGRATIONS, AUDIT_LOG_TABLE, AUDIT_OBJECTS_TABLE } from './audit-log.tables.js';

function optionalText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Data fields naming the objects an event is about, across contexts. */
const OBJECT_FIELDS = [
  'gatewayId',
  'nodeId',
  'sensorId',
  'commandId',
  'userId',
  'clientId',
  'grantId',
  'alarmId',
] as const;

export function objectIdsOf(event: RecordedEvent): string[] {
  const data = event.data as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null) return [];
  const ids = OBJECT_FIELDS.map((field) => data[field]).filter(
    (v): v is string => typeof v === 'string' && v !== '' && v.length <= 300,
  );
  return [...new Set(ids)];
}

/** One row per stored event: the trail admins read. A duplicate delivery would violate event_id's key. */
export const auditLogProjection: Projection = {
  name: AUDIT_LOG_TABLE,
  formerName: 'audit',
  tables: [AUDIT_LOG_TABLE, AUDIT_OBJECTS_TABLE],
  async apply(
    batch: readonly RecordedEvent[],
    tx: SqlExecutor,
    { table, sequence }: { table: TableResolver; sequence: number },
  ) {
    const objects = batch.flatMap((event, i) => objectIdsOf(event).map((id) => [id, sequence + i + 1] as const));
    if (objects.length > 0) await tx.insertRows(table(AUDIT_OBJECTS_TABLE), ['object_id', 'seq'], objects);
    await tx.insertRows(
      table(AUDIT_LOG_TABLE),
      [
        'seq',
        'event_id',
        'position',
        'stream',
        'revision',
        'type',
        'actor_id',
        'correlation_id',
        'recorded_at',
        'summary',
      ],
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

export const auditLogReadModel: ReadModel = { migrations: AUDIT_LOG_MIGRATIONS, projection: () => auditLogProjection };
