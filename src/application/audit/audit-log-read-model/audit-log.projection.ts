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

/** The ids an event names, each once, in OBJECT_FIELDS order. A plain loop: it runs for every event of a replay. */
export function objectIdsOf(event: RecordedEvent): string[] {
  const data = event.data as Record<string, unknown> | null;
  const ids: string[] = [];
  if (typeof data !== 'object' || data === null) return ids;
  for (const field of OBJECT_FIELDS) {
    const value = data[field];
    if (typeof value === 'string' && value !== '' && value.length <= 300 && !ids.includes(value)) ids.push(value);
  }
  return ids;
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
    const objects: [string, number][] = [];
    const entries = batch.map((event, i) => {
      const seq = sequence + i + 1;
      for (const id of objectIdsOf(event)) objects.push([id, seq]);
      return [
        seq,
        event.id,
        event.position,
        event.stream,
        event.revision,
        event.type,
        optionalText(event.metadata.actorId),
        optionalText(event.metadata.correlationId),
        event.recordedAt,
        summarizeEvent(event),
      ];
    });
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
      entries,
    );
  },
};

export const auditLogReadModel: ReadModel = { migrations: AUDIT_LOG_MIGRATIONS, projection: () => auditLogProjection };
