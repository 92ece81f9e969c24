import { AlarmSettingKindError } from './alarm.errors.js';
import {
  ALARM_QUANTITY,
  alarmKindOf,
  type AlarmCleared,
  type AlarmClearReason,
  type AlarmEvent,
  type AlarmKind,
  type AlarmRaised,
  type AlarmSetting,
} from './alarm.events.js';
import { assertNever, type Workflow } from '../shared/decider.js';
import type { AlarmCommand, AlarmState, OpenAlarm, Reading, SensorTrack } from './alarm.state.js';

export type { AlarmCommand, AlarmState, AppliedAlarmSetting, OpenAlarm, SensorTrack } from './alarm.state.js';

/*
 * One alarm kind of one node. Its inputs are facts already stored elsewhere — the node's applied alarm setting and
 * the readings of its sensors — so each input is both decided on (`decide`) and noted (`note`: the
 * stretch above the threshold, the last instant judged); the alarm events then open and close alarms (`evolve`).
 * `step` (domain/shared/decider) does all three in that order. Every sensor of the node is judged on its own.
 */

const initialState = (nodeId: string, kind: AlarmKind): AlarmState => ({ nodeId, kind, setting: null, sensors: {} });

const ms = (iso: string): number => Date.parse(iso);

/** How far a voltage lies outside the band (0 or less: inside). */
function outsideBy(setting: Extract<AlarmSetting, { kind: 'alarm_voltage_band' }>, value: number): number {
  return Math.max(setting.minV - value, value - setting.maxV);
}

function sameSetting(a: AlarmSetting, b: AlarmSetting): boolean {
  if (a.kind === 'alarm_power_above' && b.kind === 'alarm_power_above')
    return a.enabled === b.enabled && a.thresholdW === b.thresholdW && a.forSeconds === b.forSeconds;
  if (a.kind === 'alarm_voltage_band' && b.kind === 'alarm_voltage_band')
    return a.enabled === b.enabled && a.minV === b.minV && a.maxV === b.maxV;
  return false;
}

const newTrack = (reading: Reading): SensorTrack => ({
  gatewayId: reading.gatewayId,
  ...(reading.phase !== undefined ? { phase: reading.phase } : {}),
  lastJudgedAt: null,
  run: null,
  open: null,
});

/**
 * The setting and track a reading is judged against, or null when it is not judged at all: no enabled setting, a
 * value or time that is not a number, measured before the setting was applied, or late.
 *
 * Late means measured at or before the newest reading already judged for this sensor (a gateway re-sending its
 * outbox after an outage, a meter's clock stepping back, a frame delivered twice). Such a reading never flips the
 * state: what was raised or cleared has been announced on the strength of the newer readings, and an older one
 * cannot undo that without rewriting history the homeowner and the utility have already acted on. It cannot extend
 * or break the stretch above the threshold either — the stretch is judged on the newer readings, in measuredAt
 * order. The first reading of an instant wins; a second one at the same instant is a duplicate.
 */
function judged(state: AlarmState, reading: Reading): { setting: AlarmSetting; track: SensorTrack } | null {
  const setting = state.setting;
  if (!setting?.value.enabled) return null;
  const at = ms(reading.measuredAt);
  if (!Number.isFinite(reading.value) || !Number.isFinite(at) || at < ms(setting.appliedAt)) return null;
  const track = state.sensors[reading.sensorId] ?? newTrack(reading);
  if (track.lastJudgedAt !== null && at <= ms(track.lastJudgedAt)) return null;
  return { setting: setting.value, track };
}

function subject(
  state: AlarmState,
  sensorId: string,
  track: SensorTrack,
  alarm: { alarmId: string; since: string; raisedAt: string },
) {
  return {
    alarmId: alarm.alarmId,
    nodeId: state.nodeId,
    gatewayId: track.gatewayId,
    sensorId,
    ...(track.phase !== undefined ? { phase: track.phase } : {}),
    kind: state.kind,
    unit: ALARM_QUANTITY[state.kind].unit,
    since: alarm.since,
    raisedAt: alarm.raisedAt,
  };
}

function cleared(
  state: AlarmState,
  sensorId: string,
  track: SensorTrack,
  open: OpenAlarm,
  end: { at: string; reason: AlarmClearReason; value: number | null },
): AlarmCleared {
  return {
    type: 'AlarmCleared',
    data: {
      ...subject(state, sensorId, track, open),
      clearedAt: end.at,
      reason: end.reason,
      value: end.value,
      peak: open.peak,
    },
  };
}

function raised(
  state: AlarmState,
  reading: Reading,
  track: SensorTrack,
  stretch: { since: string; firstValue: number; peak: number },
  direction?: 'above' | 'below',
): AlarmRaised {
  const setting = state.setting!;
  return {
    type: 'AlarmRaised',
    data: {
      ...subject(
        state,
        reading.sensorId,
        { ...track, gatewayId: reading.gatewayId },
        { alarmId: reading.alarmId, since: stretch.since, raisedAt: reading.measuredAt },
      ),
      setting: setting.value,
      settingRequestId: setting.requestId,
      value: reading.value,
      firstValue: stretch.firstValue,
      peak: stretch.peak,
      ...(direction !== undefined ? { direction } : {}),
    },
  };
}

function decideReading(state: AlarmState, reading: Reading): AlarmEvent[] {
  const judging = judged(state, reading);
  if (!judging) return [];
  const { setting, track } = judging;
  const ended = (): AlarmEvent[] =>
    track.open
      ? [
          cleared(state, reading.sensorId, track, track.open, {
            at: reading.measuredAt,
            reason: 'condition_ended',
            value: reading.value,
          }),
        ]
      : [];
  switch (setting.kind) {
    case 'alarm_power_above': {
      if (reading.value <= setting.thresholdW) return ended();
      if (track.open) return [];
      const run = track.run
        ? { ...track.run, peak: Math.max(track.run.peak, reading.value) }
        : { since: reading.measuredAt, firstValue: reading.value, peak: reading.value };
      // Judged on measured time: the stretch must span forSeconds between its first reading and this one.
      if (ms(reading.measuredAt) - ms(run.since) < setting.forSeconds * 1000) return [];
      return [raised(state, reading, track, run)];
    }
    case 'alarm_voltage_band': {
      if (outsideBy(setting, reading.value) <= 0) return ended();
      if (track.open) return [];
      const stretch = { since: reading.measuredAt, firstValue: reading.value, peak: reading.value };
      return [raised(state, reading, track, stretch, reading.value > setting.maxV ? 'above' : 'below')];
    }
    default:
      return assertNever(setting);
  }
}

function assertKind(state: AlarmState, setting: AlarmSetting): void {
  if (alarmKindOf(setting) !== state.kind) throw new AlarmSettingKindError(state.kind, setting.kind);
}

/** What the input causes: alarms raised and cleared. A setting equal to the current one changes nothing. */
function decide(command: AlarmCommand, state: AlarmState): AlarmEvent[] {
  switch (command.type) {
    case 'ApplyAlarmSetting': {
      const { setting, appliedAt } = command.data;
      assertKind(state, setting);
      if (state.setting && sameSetting(state.setting.value, setting)) return [];
      const reason: AlarmClearReason = setting.enabled ? 'setting_changed' : 'setting_disabled';
      return Object.entries(state.sensors).flatMap(([sensorId, track]) => {
        if (!track.open) return [];
        // An alarm never ends before it began, whatever the device's clock said against the server's.
        const at = ms(appliedAt) >= ms(track.open.raisedAt) ? appliedAt : track.open.raisedAt;
        return [cleared(state, sensorId, track, track.open, { at, reason, value: null })];
      });
    }
    case 'JudgeReading':
      return decideReading(state, command.data);
    default:
      return assertNever(command);
  }
}

function noteReading(state: AlarmState, reading: Reading): AlarmState {
  const judging = judged(state, reading);
  if (!judging) return state;
  const { setting, track } = judging;
  let next: SensorTrack = { ...track, gatewayId: reading.gatewayId, lastJudgedAt: reading.measuredAt };
  switch (setting.kind) {
    case 'alarm_power_above': {
      const above = reading.value > setting.thresholdW;
      const run = !above
        ? null
        : track.run
          ? { ...track.run, peak: Math.max(track.run.peak, reading.value) }
          : { since: reading.measuredAt, firstValue: reading.value, peak: reading.value };
      const open = above && track.open ? { ...track.open, peak: Math.max(track.open.peak, reading.value) } : track.open;
      next = { ...next, run, open };
      break;
    }
    case 'alarm_voltage_band': {
      const open =
        track.open && outsideBy(setting, reading.value) > outsideBy(setting, track.open.peak)
          ? { ...track.open, peak: reading.value }
          : track.open;
      next = { ...next, open };
      break;
    }
    default:
      return assertNever(setting);
  }
  return { ...state, sensors: { ...state.sensors, [reading.sensorId]: next } };
}

/** What the input itself changes, apart from the events it causes: the setting, the stretch, the last instant judged. */
function note(state: AlarmState, command: AlarmCommand): AlarmState {
  switch (command.type) {
    case 'ApplyAlarmSetting': {
      const { setting, requestId, appliedAt } = command.data;
      assertKind(state, setting);
      if (state.setting && sameSetting(state.setting.value, setting)) return state;
      // A new setting judges from scratch: a stretch counted under the old threshold does not count under the new one.
      const sensors = Object.fromEntries(
        Object.entries(state.sensors).map(([id, track]) => [id, { ...track, run: null }]),
      );
      return { ...state, setting: { value: setting, requestId, appliedAt }, sensors };
    }
    case 'JudgeReading':
      return noteReading(state, command.data);
    default:
      return assertNever(command);
  }
}

function withOpen(state: AlarmState, sensorId: string, open: OpenAlarm | null, gatewayId: string): AlarmState {
  const track = state.sensors[sensorId] ?? { gatewayId, lastJudgedAt: null, run: null, open: null };
  return { ...state, sensors: { ...state.sensors, [sensorId]: { ...track, open } } };
}

function evolve(state: AlarmState, event: AlarmEvent): AlarmState {
  switch (event.type) {
    case 'AlarmRaised': {
      const d = event.data;
      return withOpen(
        state,
        d.sensorId,
        { alarmId: d.alarmId, since: d.since, raisedAt: d.raisedAt, peak: d.peak },
        d.gatewayId,
      );
    }
    case 'AlarmCleared':
      return withOpen(state, event.data.sensorId, null, event.data.gatewayId);
    default:
      return assertNever(event);
  }
}

/**
 * Alarm evaluation for one node and alarm kind. A workflow rather than a decider: readings and settings that raise
 * nothing still move its state (a stretch above the threshold, the last instant judged), so it evolves from its
 * inputs as well as from its events, and it starts from the node and kind it watches.
 */
export const alarmWorkflow: Workflow<AlarmState, AlarmCommand, AlarmEvent> & {
  readonly initialState: (nodeId: string, kind: AlarmKind) => AlarmState;
} = {
  decide,
  note,
  evolve,
  initialState,
};
