import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import { ObjectNotVisibleError } from '../../access/access.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { DATA_ACCESS_RECORDER, type DataAccessRecorder } from '../../access/ports/data-access-recorder.port.js';
import { scopeCondition } from '../../access/sensor-scope/sensor-scope.js';
import { bind } from '../../shared/sql.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { ALARMS_TABLE } from '../alarms-read-model/alarms.projection.js';
import { InvalidAlarmQueryError } from './alarm-query.errors.js';
import { ALARM_COLUMNS, ALARM_SCOPE_COLUMNS, toAlarmView, type AlarmRow } from './alarm-rows.sql.js';
import type { AlarmPage, AlarmView } from './alarm-view.js';
import { GetAlarm } from './get-alarm.query.js';
import { ListAlarms } from './list-alarms.query.js';

/**
 * Alarms carry a sensor's values, so they are shown to whoever may read the sensor's raw values: its owner, admins,
 * holders of a `read` grant on it, its node or its gateway (not on a private sensor). The scope is part of the query.
 */
async function readableWhere(policy: AccessPolicy, principal: Principal, params: unknown[]): Promise<string[]> {
  const scoped = scopeCondition(await policy.sensorScope(principal, 'read'), params, ALARM_SCOPE_COLUMNS);
  return scoped ? [scoped] : [];
}

/** Each alarm handed out is a read of its sensor's values. */
function recordRead(recorder: DataAccessRecorder, principal: Principal, alarms: readonly AlarmView[]): void {
  const perSensor = new Map<string, { sensorId: string; gatewayId: string; rows: number }>();
  for (const a of alarms) {
    const entry = perSensor.get(a.sensorId) ?? { sensorId: a.sensorId, gatewayId: a.gatewayId, rows: 0 };
    perSensor.set(a.sensorId, { ...entry, rows: entry.rows + 1 });
  }
  if (perSensor.size > 0) recorder.record(principal, [...perSensor.values()]);
}

/** Keyset pages over the alarms read model, newest raise first. */
@QueryHandler(ListAlarms)
export class ListAlarmsHandler implements IQueryHandler<ListAlarms, AlarmPage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(DATA_ACCESS_RECORDER) private readonly accessLog: DataAccessRecorder,
  ) {}

  async execute({ principal, filter }: ListAlarms): Promise<AlarmPage> {
    if (filter.from !== undefined && filter.to !== undefined && Date.parse(filter.from) >= Date.parse(filter.to)) {
      throw new InvalidAlarmQueryError('from must be before to');
    }
    const params: unknown[] = [];
    const where = await readableWhere(this.policy, principal, params);
    if (filter.state !== 'all') where.push(`state = ${bind(params, filter.state)}`);
    if (filter.nodeId !== undefined) where.push(`node_id = ${bind(params, filter.nodeId)}`);
    if (filter.sensorId !== undefined) where.push(`sensor_id = ${bind(params, filter.sensorId)}`);
    if (filter.to !== undefined) where.push(`raised_at < ${bind(params, filter.to)}::timestamptz`);
    if (filter.from !== undefined)
      where.push(`(cleared_at IS NULL OR cleared_at >= ${bind(params, filter.from)}::timestamptz)`);
    if (filter.afterSeq !== undefined) where.push(`seq < ${bind(params, filter.afterSeq)}`);
    const rows = await this.db.query<AlarmRow>(
      `SELECT ${ALARM_COLUMNS} FROM ${ALARMS_TABLE}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
        ORDER BY seq DESC LIMIT ${bind(params, filter.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map(toAlarmView);
    recordRead(this.accessLog, principal, items);
    return { items, nextAfterSeq: rows.length > filter.limit ? (items.at(-1)?.seq ?? null) : null };
  }
}

/** One alarm; outside the caller's scope it answers exactly like an unknown id. */
@QueryHandler(GetAlarm)
export class GetAlarmHandler implements IQueryHandler<GetAlarm, AlarmView> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(DATA_ACCESS_RECORDER) private readonly accessLog: DataAccessRecorder,
  ) {}

  async execute({ principal, alarmId }: GetAlarm): Promise<AlarmView> {
    const params: unknown[] = [];
    const where = [`alarm_id = ${bind(params, alarmId)}`, ...(await readableWhere(this.policy, principal, params))];
    const [row] = await this.db.query<AlarmRow>(
      `SELECT ${ALARM_COLUMNS} FROM ${ALARMS_TABLE} WHERE ${where.join(' AND ')}`,
      params,
    );
    if (!row) throw new ObjectNotVisibleError('alarm', alarmId);
    const alarm = toAlarmView(row);
    recordRead(this.accessLog, principal, [alarm]);
    return alarm;
  }
}
