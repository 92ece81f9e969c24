import type { AlarmClearReason, AlarmKind, AlarmSetting } from '../../../domain/monitoring/alarm.events.js';
import type { ScopedColumns } from '../../access/sensor-scope/sensor-scope.js';
import { epochMs, isoFromEpochMs, isoOrNull } from '../../shared/sql.js';
import { ALARMS_TABLE } from '../alarms-read-model/alarms.projection.js';
import type { AlarmView } from './alarm-view.js';

/** The alarms columns the access scope narrows, qualified so its correlated subqueries cannot capture them. */
export const ALARM_SCOPE_COLUMNS: ScopedColumns = {
  gateway: `${ALARMS_TABLE}.gateway_id`,
  node: `${ALARMS_TABLE}.node_id`,
  sensor: `${ALARMS_TABLE}.sensor_id`,
  // An alarm belongs to whoever owned the gateway when it was raised.
  time: `${ALARMS_TABLE}.raised_at`,
};

export const ALARM_COLUMNS = `alarm_id, seq::float8 AS seq, node_id, gateway_id, sensor_id, phase, kind, unit, state, setting, setting_request_id,
  ${epochMs('since')}, ${epochMs('raised_at')}, raised_value, first_value, direction, peak, ${epochMs('cleared_at')}, clear_reason, cleared_value`;

export interface AlarmRow {
  alarm_id: string;
  seq: number;
  node_id: string;
  gateway_id: string;
  sensor_id: string;
  phase: string | null;
  kind: AlarmKind;
  unit: string;
  state: 'open' | 'cleared';
  setting: AlarmSetting;
  setting_request_id: string;
  since: number;
  raised_at: number;
  raised_value: number;
  first_value: number;
  direction: 'above' | 'below' | null;
  peak: number;
  cleared_at: number | null;
  clear_reason: AlarmClearReason | null;
  cleared_value: number | null;
}

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function toAlarmView(row: AlarmRow): AlarmView {
  return {
    alarmId: row.alarm_id,
    seq: Number(row.seq),
    nodeId: row.node_id,
    gatewayId: row.gateway_id,
    sensorId: row.sensor_id,
    phase: row.phase,
    kind: row.kind,
    unit: row.unit,
    state: row.state,
    setting: row.setting,
    settingRequestId: row.setting_request_id,
    since: isoFromEpochMs(row.since),
    raisedAt: isoFromEpochMs(row.raised_at),
    raisedValue: Number(row.raised_value),
    firstValue: Number(row.first_value),
    direction: row.direction,
    peak: Number(row.peak),
    clearedAt: isoOrNull(row.cleared_at),
    clearReason: row.clear_reason,
    clearedValue: numberOrNull(row.cleared_value),
  };
}
