import { aPowerCeiling, aVoltageBand } from '#test/builders/monitoring.js';
import { WorkflowSpecification } from '#test/support/workflow-spec.js';
import { alarmWorkflow, type AlarmCommand } from './alarm.workflow.js';
import { AlarmSettingKindError } from './alarm.errors.js';
import type { PowerAboveSetting, VoltageBandSetting } from './alarm.events.js';

const NODE = 'zigbee:0x000b57fffec6a5b2';
const POWER = `${NODE}/1/power`;
const T0 = '2025-03-01T12:00:00.000Z';
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

const apply = (setting: PowerAboveSetting | VoltageBandSetting, appliedAt = T0, requestId = 'r1'): AlarmCommand => ({
  type: 'ApplyAlarmSetting',
  data: { setting, requestId, appliedAt },
});
const reading = (
  value: number,
  seconds: number,
  sensorId = POWER,
  extra: { phase?: 'L1' | 'L2' | 'L3' } = {},
): AlarmCommand => ({
  type: 'JudgeReading',
  data: { gatewayId: 'gw-1', sensorId, value, measuredAt: at(seconds), alarmId: `alarm@${seconds}`, ...extra },
});

const power = WorkflowSpecification.for(alarmWorkflow, () => alarmWorkflow.initialState(NODE, 'power_above'));
const voltage = WorkflowSpecification.for(alarmWorkflow, () => alarmWorkflow.initialState(NODE, 'voltage_band'));

const powerAlarm = { nodeId: NODE, gatewayId: 'gw-1', sensorId: POWER, kind: 'power_above', unit: 'W' } as const;

describe('alarm workflow: power above', () => {
  it('Given a 3000 W / 60 s ceiling, When power stays above it for 60 s by measured time, Then AlarmRaised names the setting, since when and the values', () => {
    const state = power(apply(aPowerCeiling()));
    state.when(reading(3100, 0), reading(3400, 30)).then([]);
    power(apply(aPowerCeiling()), reading(3100, 0), reading(3400, 30))
      .when(reading(3200, 60))
      .then([
        {
          type: 'AlarmRaised',
          data: {
            ...powerAlarm,
            alarmId: 'alarm@60',
            since: at(0),
            raisedAt: at(60),
            setting: aPowerCeiling(),
            settingRequestId: 'r1',
            value: 3200,
            firstValue: 3100,
            peak: 3400,
          },
        },
      ]);
  });

  it('Given a stretch above, When one sample falls to the threshold, Then the stretch starts again and 60 s more are needed', () => {
    const state = power(apply(aPowerCeiling()), reading(3100, 0), reading(3100, 50), reading(3000, 55));
    state.when(reading(3100, 70), reading(3100, 110)).then([]);
    state.when(reading(3100, 70), reading(3100, 130)).then([
      expect.objectContaining({
        type: 'AlarmRaised',
        data: expect.objectContaining({ since: at(70), raisedAt: at(130) }),
      }),
    ]);
  });

  it('Given readings arriving faster than they were measured apart, Then only measured time counts', () => {
    // Twenty readings delivered at once by a gateway back from an outage, measured a second apart: 19 s, not 60.
    const burst = Array.from({ length: 20 }, (_, i) => reading(5000, i));
    power(apply(aPowerCeiling()))
      .when(...burst)
      .then([]);
  });

  it('Given forSeconds 0, When the first sample is above, Then it is raised at once, since that sample', () => {
    power(apply(aPowerCeiling({ forSeconds: 0 })))
      .when(reading(3001, 5))
      .then([
        expect.objectContaining({
          type: 'AlarmRaised',
          data: expect.objectContaining({ since: at(5), raisedAt: at(5), value: 3001, firstValue: 3001, peak: 3001 }),
        }),
      ]);
  });

  it('Given an open alarm, When power falls to the threshold, Then AlarmCleared says when, with the peak of the whole alarm', () => {
    const state = power(
      apply(aPowerCeiling()),
      reading(3100, 0),
      reading(3200, 60),
      reading(4200, 90),
      reading(3500, 120),
    );
    state.when(reading(3050, 150)).then([]);
    state.when(reading(3000, 150)).then([
      {
        type: 'AlarmCleared',
        data: {
          ...powerAlarm,
          alarmId: 'alarm@60',
          since: at(0),
          raisedAt: at(60),
          clearedAt: at(150),
          reason: 'condition_ended',
          value: 3000,
          peak: 4200,
        },
      },
    ]);
  });

  it('Given an open alarm, When power stays above, Then nothing more is raised', () => {
    const state = power(apply(aPowerCeiling()), reading(3100, 0), reading(3200, 60));
    state.when(reading(3300, 90), reading(3300, 600)).then([]);
  });

  it('Given an open alarm, When a late reading under the threshold arrives, Then it neither clears the alarm nor later readings judge against it', () => {
    const state = power(apply(aPowerCeiling()), reading(3100, 0), reading(3200, 60), reading(3300, 90));
    state.when(reading(10, 75), reading(10, 90)).then([]);
    state
      .when(reading(10, 75), reading(10, 91))
      .then([expect.objectContaining({ type: 'AlarmCleared', data: expect.objectContaining({ clearedAt: at(91) }) })]);
  });

  it('Given a stretch above, When a late reading under the threshold arrives, Then the stretch is not broken; a late one above does not raise', () => {
    const stretch = power(apply(aPowerCeiling()), reading(3100, 0), reading(3100, 40));
    stretch
      .when(reading(10, 20), reading(3100, 60))
      .then([expect.objectContaining({ type: 'AlarmRaised', data: expect.objectContaining({ since: at(0) }) })]);
    const quiet = power(apply(aPowerCeiling()), reading(100, 100));
    quiet.when(reading(9000, 0), reading(9000, 99)).then([]);
  });

  it('Given readings measured before the setting was applied, Then they are not judged by it', () => {
    const state = power(apply(aPowerCeiling({ forSeconds: 0 }), at(100)));
    state.when(reading(5000, 99)).then([]);
    state.when(reading(5000, 100)).then((events) => expect(events).toHaveLength(1));
  });

  it('Given sensors of one node, Then each is judged on its own', () => {
    const other = `${NODE}/2/power`;
    const state = power(apply(aPowerCeiling()), reading(3100, 0), reading(100, 0, other));
    state.when(reading(3100, 60, other), reading(3100, 61)).then([
      expect.objectContaining({
        type: 'AlarmRaised',
        data: expect.objectContaining({ sensorId: POWER, since: at(0), raisedAt: at(61) }),
      }),
    ]);
  });
});

describe('alarm workflow: voltage band', () => {
  const L1 = `${NODE}/voltage.L1`;
  const L2 = `${NODE}/voltage.L2`;
  const volts = (value: number, seconds: number, sensorId = L1, phase: 'L1' | 'L2' = 'L1'): AlarmCommand =>
    reading(value, seconds, sensorId, { phase });

  it('Given a 207–253 V band, When a phase reads outside it, Then AlarmRaised at once, with the side; the bounds themselves are inside', () => {
    const state = voltage(apply(aVoltageBand()));
    state.when(volts(207, 0), volts(253, 1)).then([]);
    state.when(volts(253.1, 2)).then([
      {
        type: 'AlarmRaised',
        data: {
          alarmId: 'alarm@2',
          nodeId: NODE,
          gatewayId: 'gw-1',
          sensorId: L1,
          phase: 'L1',
          kind: 'voltage_band',
          unit: 'V',
          since: at(2),
          raisedAt: at(2),
          setting: aVoltageBand(),
          settingRequestId: 'r1',
          value: 253.1,
          firstValue: 253.1,
          peak: 253.1,
          direction: 'above',
        },
      },
    ]);
    state
      .when(volts(190, 2, L2, 'L2'))
      .then([
        expect.objectContaining({ data: expect.objectContaining({ sensorId: L2, phase: 'L2', direction: 'below' }) }),
      ]);
  });

  it('Given an open band alarm, When the voltage comes back inside, Then AlarmCleared with the reading farthest outside', () => {
    const state = voltage(apply(aVoltageBand()), volts(200, 0), volts(195, 10), volts(203, 20), volts(250, 30));
    voltage(apply(aVoltageBand()), volts(200, 0), volts(195, 10), volts(203, 20))
      .when(volts(250, 30))
      .then([
        expect.objectContaining({
          type: 'AlarmCleared',
          data: expect.objectContaining({
            since: at(0),
            clearedAt: at(30),
            reason: 'condition_ended',
            value: 250,
            peak: 195,
          }),
        }),
      ]);
    state.when(volts(240, 40)).then([]);
  });

  it('Given an open band alarm, When a late reading inside the band arrives, Then the alarm stays open', () => {
    const state = voltage(apply(aVoltageBand()), volts(200, 0), volts(199, 10));
    state.when(volts(230, 5), volts(230, 10)).then([]);
  });
});

describe('alarm workflow: setting changes', () => {
  const open = () => power(apply(aPowerCeiling()), reading(3100, 0), reading(3900, 60));

  it('Given an open alarm, When the setting is disabled, Then AlarmCleared (setting_disabled) at the moment it was applied; no reading is judged after', () => {
    const state = open();
    state.when(apply(aPowerCeiling({ enabled: false }), at(100), 'r2')).then([
      {
        type: 'AlarmCleared',
        data: {
          ...powerAlarm,
          alarmId: 'alarm@60',
          since: at(0),
          raisedAt: at(60),
          clearedAt: at(100),
          reason: 'setting_disabled',
          value: null,
          peak: 3900,
        },
      },
    ]);
    state
      .when(apply(aPowerCeiling({ enabled: false }), at(100), 'r2'), reading(9000, 200), reading(9000, 400))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('Given an open alarm, When the threshold changes, Then AlarmCleared (setting_changed); the new setting judges from scratch and raises by itself', () => {
    open()
      .when(apply(aPowerCeiling({ thresholdW: 3500 }), at(100), 'r2'), reading(3600, 110), reading(3600, 170))
      .then([
        expect.objectContaining({
          type: 'AlarmCleared',
          data: expect.objectContaining({ reason: 'setting_changed', clearedAt: at(100) }),
        }),
        expect.objectContaining({
          type: 'AlarmRaised',
          data: expect.objectContaining({
            since: at(110),
            raisedAt: at(170),
            settingRequestId: 'r2',
            setting: aPowerCeiling({ thresholdW: 3500 }),
          }),
        }),
      ]);
  });

  it('Given an open alarm, When the same setting is applied again, Then nothing changes', () => {
    open()
      .when(apply(aPowerCeiling(), at(100), 'r2'), reading(3100, 120))
      .then([]);
  });

  it('Given a stretch under the old setting, When the setting changes, Then the stretch does not count under the new one', () => {
    const state = power(apply(aPowerCeiling()), reading(3100, 0), reading(3100, 50));
    state.when(apply(aPowerCeiling({ forSeconds: 30 }), at(55), 'r2'), reading(3100, 60)).then([]);
  });

  it('Given a device clock ahead of the server, When the setting changes, Then the alarm is not cleared before it was raised', () => {
    open()
      .when(apply(aPowerCeiling({ enabled: false }), at(30), 'r2'))
      .then([expect.objectContaining({ data: expect.objectContaining({ clearedAt: at(60) }) })]);
  });

  it('Given no setting or a disabled one, Then readings raise nothing', () => {
    power().when(reading(9000, 0), reading(9000, 100)).then([]);
    power(apply(aPowerCeiling({ enabled: false, forSeconds: 0 })))
      .when(reading(9000, 0))
      .then([]);
  });

  it('Given the power alarm, When a voltage band setting is handed to it, Then it throws', () => {
    power().when(apply(aVoltageBand())).thenThrows(AlarmSettingKindError);
  });
});
