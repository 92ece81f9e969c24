import { accessHandlers } from '#test/support/access-handlers.js';
import {
  A_POWER,
  ADMIN,
  ALICE,
  ANONYMOUS,
  B_POWER,
  BOB,
  CLIENT,
  seedTwoHomes,
  settled,
  TestClock,
} from '#test/support/access-homes.js';
import { describeProjection } from '#test/support/projection-spec.js';
import type { Principal } from '../../../domain/access/principal.js';
import type { AlarmCleared, AlarmEvent, AlarmRaised } from '../../../domain/monitoring/alarm.events.js';
import { NotAuthenticatedError, ObjectNotVisibleError } from '../../access/access.errors.js';
import { alarmStream } from '../alarm-streams.js';
import { InvalidAlarmQueryError } from '../query-alarms/alarm-query.errors.js';
import { GetAlarm } from '../query-alarms/get-alarm.query.js';
import { ListAlarms, type AlarmFilter } from '../query-alarms/list-alarms.query.js';
import { GetAlarmHandler, ListAlarmsHandler } from '../query-alarms/query-alarms.handlers.js';
import { alarmsProjection } from './alarms.projection.js';

const A_ALARM = '11111111-1111-4111-8111-111111111111';
const B_ALARM = '22222222-2222-4222-8222-222222222222';
const setting = { kind: 'alarm_power_above', enabled: true, thresholdW: 3000, forSeconds: 60 } as const;

const raised = (
  alarmId: string,
  sensorId: string,
  nodeId: string,
  gatewayId: string,
  raisedAt: string,
  value: number,
): AlarmRaised => ({
  type: 'AlarmRaised',
  data: {
    alarmId,
    nodeId,
    gatewayId,
    sensorId,
    kind: 'power_above',
    unit: 'W',
    since: '2025-03-01T09:59:00.000Z',
    raisedAt,
    setting,
    settingRequestId: 'r1',
    value,
    firstValue: 3100,
    peak: value,
  },
});
const cleared = (event: AlarmRaised, clearedAt: string, peak: number): AlarmCleared => {
  const {
    setting: _s,
    settingRequestId: _r,
    value: _v,
    firstValue: _f,
    peak: _p,
    direction: _d,
    ...subject
  } = event.data;
  return { type: 'AlarmCleared', data: { ...subject, clearedAt, reason: 'condition_ended', value: 2000, peak } };
};

describeProjection(
  'alarms read model',
  alarmsProjection,
  (spec) => {
    let h: ReturnType<typeof accessHandlers>;
    let list: (p: Principal, filter?: Partial<AlarmFilter>) => Promise<{ ids: string[]; nextAfterSeq: number | null }>;
    let get: GetAlarmHandler;

    const append = async (nodeId: string, events: AlarmEvent[]): Promise<void> => {
      await spec.given(
        alarmStream(nodeId),
        events.map((e) => ({ type: e.type, data: e.data })),
      );
    };
    const project = async (): Promise<void> => {
      await settled(spec.backend);
      await spec.project({ batchSize: 2 });
    };

    beforeAll(async () => {
      const b = spec.backend;
      h = accessHandlers(b, new TestClock(new Date('2025-03-01T12:00:00.000Z')));
      const listing = new ListAlarmsHandler(b.db, h.policy, h.log);
      get = new GetAlarmHandler(b.db, h.policy, h.log);
      list = async (p, filter = {}) => {
        const page = await listing.execute(new ListAlarms(p, { state: 'all', limit: 100, ...filter }));
        return { ids: page.items.map((a) => a.alarmId), nextAfterSeq: page.nextAfterSeq };
      };
      const a = raised(A_ALARM, A_POWER, 'a-meter', 'gw-a', '2025-03-01T10:00:00.000Z', 3200);
      await append('a-meter', [a]);
      await append('b-plug', [raised(B_ALARM, B_POWER, 'b-plug', 'gw-b', '2025-03-01T11:00:00.000Z', 3300)]);
      await append('a-meter', [cleared(a, '2025-03-01T10:30:00.000Z', 4100)]);
      await project();
    }, 90_000);

    it('Given raised and cleared events, Then one row per alarm, newest first, open or with when, why and the peak; a rebuild gives the same', async () => {
      expect(await list(ADMIN)).toEqual({ ids: [B_ALARM, A_ALARM], nextAfterSeq: null });
      const a = await get.execute(new GetAlarm(ADMIN, A_ALARM));
      expect(a).toEqual({
        alarmId: A_ALARM,
        seq: 1,
        nodeId: 'a-meter',
        gatewayId: 'gw-a',
        sensorId: A_POWER,
        phase: null,
        kind: 'power_above',
        unit: 'W',
        state: 'cleared',
        setting,
        settingRequestId: 'r1',
        since: '2025-03-01T09:59:00.000Z',
        raisedAt: '2025-03-01T10:00:00.000Z',
        raisedValue: 3200,
        firstValue: 3100,
        direction: null,
        peak: 4100,
        clearedAt: '2025-03-01T10:30:00.000Z',
        clearReason: 'condition_ended',
        clearedValue: 2000,
      });
      expect(await get.execute(new GetAlarm(ADMIN, B_ALARM))).toMatchObject({
        state: 'open',
        peak: 3300,
        clearedAt: null,
        clearReason: null,
        clearedValue: null,
      });
      await spec.rebuild({ batchSize: 1 });
      expect(await get.execute(new GetAlarm(ADMIN, A_ALARM))).toEqual(a);
    });

    it('filters by state, node, sensor and the window the alarm was open in, and pages newest first', async () => {
      expect((await list(ADMIN, { state: 'open' })).ids).toEqual([B_ALARM]);
      expect((await list(ADMIN, { state: 'cleared' })).ids).toEqual([A_ALARM]);
      expect((await list(ADMIN, { nodeId: 'a-meter' })).ids).toEqual([A_ALARM]);
      expect((await list(ADMIN, { sensorId: B_POWER })).ids).toEqual([B_ALARM]);
      // A was open 10:00–10:30, B from 11:00 on.
      expect((await list(ADMIN, { from: '2025-03-01T10:15:00Z', to: '2025-03-01T10:45:00Z' })).ids).toEqual([A_ALARM]);
      expect((await list(ADMIN, { from: '2025-03-01T10:31:00Z' })).ids).toEqual([B_ALARM]);
      expect((await list(ADMIN, { to: '2025-03-01T10:00:00Z' })).ids).toEqual([]);
      const first = await list(ADMIN, { limit: 1 });
      expect(first).toEqual({ ids: [B_ALARM], nextAfterSeq: 2 });
      expect(await list(ADMIN, { limit: 1, afterSeq: 2 })).toEqual({ ids: [A_ALARM], nextAfterSeq: null });
      await expect(list(ADMIN, { from: '2025-03-01T11:00:00Z', to: '2025-03-01T11:00:00Z' })).rejects.toBeInstanceOf(
        InvalidAlarmQueryError,
      );
    });

    it('shows alarms to whoever may read the sensor: owner, admin, a read grant — others get nothing, and one alarm answers like an unknown one', async () => {
      expect((await list(ALICE)).ids).toEqual([A_ALARM]);
      expect((await list(BOB)).ids).toEqual([B_ALARM]);
      expect((await list(CLIENT)).ids).toEqual([]);
      await expect(get.execute(new GetAlarm(BOB, A_ALARM))).rejects.toThrow(
        new ObjectNotVisibleError('alarm', A_ALARM).message,
      );
      await expect(list(ANONYMOUS)).rejects.toBeInstanceOf(NotAuthenticatedError);

      const aggregateOnly = await h.grant(ALICE, { kind: 'client', id: 'c-1' }, { sensorIds: [A_POWER] }, [
        'aggregate',
      ]);
      expect((await list(CLIENT)).ids).toEqual([]);
      await h.revoke(ALICE, aggregateOnly);
      await h.grant(ALICE, { kind: 'client', id: 'c-1' }, { nodeIds: ['a-meter'] }, ['read']);
      expect((await list(CLIENT)).ids).toEqual([A_ALARM]);
      expect(await get.execute(new GetAlarm(CLIENT, A_ALARM))).toMatchObject({ alarmId: A_ALARM });
      expect(h.log.entries.at(-1)).toEqual({
        principal: CLIENT,
        accesses: [{ sensorId: A_POWER, gatewayId: 'gw-a', rows: 1 }],
      });
    });
  },
  { database: 'shared', seed: seedTwoHomes },
);
