import type { OwnershipPeriodErased } from '../../../domain/gateways/gateway.events.js';
import { ALARM_EVENT_TYPES, isAlarmEvent, type AlarmEvent } from '../../../domain/monitoring/alarm.events.js';
import { assertNever } from '../../../domain/shared/decider.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { ALARMS_MIGRATIONS, ALARMS_TABLE } from './alarms.tables.js';

export { ALARMS_TABLE };

async function applyEvent(tx: SqlExecutor, table: string, event: AlarmEvent, seq: number): Promise<void> {
  switch (event.type) {
    case 'AlarmRaised': {
      const d = event.data;
      // A raise delivered again (a replay overlapping the live table) keeps the row it made the first time.
      await tx.query(
        `INSERT INTO ${table} (alarm_id, seq, node_id, gateway_id, sensor_id, phase, kind, unit, state, setting, setting_request_id,
                               since, raised_at, raised_value, first_value, direction, peak)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9::jsonb, $10, $11::timestamptz, $12::timestamptz, $13, $14, $15, $16)
         ON CONFLICT (alarm_id) DO NOTHING`,
        [
          d.alarmId,
          seq,
          d.nodeId,
          d.gatewayId,
          d.sensorId,
          d.phase ?? null,
          d.kind,
          d.unit,
          JSON.stringify(d.setting),
          d.settingRequestId,
          d.since,
          d.raisedAt,
          d.value,
          d.firstValue,
          d.direction ?? null,
          d.peak,
        ],
      );
      return;
    }
    case 'AlarmCleared': {
      const d = event.data;
      await tx.query(
        `UPDATE ${table} SET state = 'cleared', cleared_at = $2::timestamptz, clear_reason = $3, cleared_value = $4, peak = $5 WHERE alarm_id = $1`,
        [d.alarmId, d.clearedAt, d.reason, d.value, d.peak],
      );
      return;
    }
    default:
      assertNever(event);
  }
}

/** Open and past alarms, one row per alarm: raised opens it, cleared closes it with when, why and the peak. */
export const alarmsProjection: Projection = {
  name: ALARMS_TABLE,
  eventTypes: [...ALARM_EVENT_TYPES, 'OwnershipPeriodErased'],
  tables: [ALARMS_TABLE],
  async apply(
    batch: readonly RecordedEvent[],
    tx: SqlExecutor,
    { table, sequence }: { table: TableResolver; sequence: number },
  ) {
    const physical = table(ALARMS_TABLE);
    for (const [i, recorded] of batch.entries()) {
      if (recorded.type === 'OwnershipPeriodErased') {
        // Alarms raised in an erased period go with it (ADR 0030).
        const { gatewayId, from, to } = recorded.data as OwnershipPeriodErased['data'];
        await tx.query(
          `DELETE FROM ${physical} WHERE gateway_id = $1 AND raised_at >= $2::timestamptz AND raised_at < $3::timestamptz`,
          [gatewayId, from ?? '-infinity', to],
        );
        continue;
      }
      if (!isAlarmEvent(recorded)) continue;
      await applyEvent(tx, physical, { type: recorded.type, data: recorded.data } as AlarmEvent, sequence + i + 1);
    }
  },
};

export const alarmsReadModel: ReadModel = { migrations: ALARMS_MIGRATIONS, projection: () => alarmsProjection };
