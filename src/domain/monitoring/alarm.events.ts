import type { NodeConfigurationChange } from '../devices/node-configuration.events.js';
import type { Phase } from '../metering/canonical-reading.js';
import type { DomainEvent } from '../shared/event.js';

/** What an alarm watches: a node's power sensors against a ceiling, or its voltage sensors against a band. */
export const ALARM_KINDS = ['power_above', 'voltage_band'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export type PowerAboveSetting = Extract<NodeConfigurationChange, { kind: 'alarm_power_above' }>;
export type VoltageBandSetting = Extract<NodeConfigurationChange, { kind: 'alarm_voltage_band' }>;
/** A node's alarm setting as its configuration applied it (`alarm.power_above`, `alarm.voltage_band`). */
export type AlarmSetting = PowerAboveSetting | VoltageBandSetting;

export function isAlarmSetting(change: NodeConfigurationChange): change is AlarmSetting {
  return change.kind === 'alarm_power_above' || change.kind === 'alarm_voltage_band';
}

export function alarmKindOf(setting: AlarmSetting): AlarmKind {
  return setting.kind === 'alarm_power_above' ? 'power_above' : 'voltage_band';
}

/** The quantity whose readings an alarm kind judges, and the unit its values are in. */
export const ALARM_QUANTITY = {
  power_above: { quantity: 'power', unit: 'W' },
  voltage_band: { quantity: 'voltage', unit: 'V' },
} as const;

/**
 * `condition_ended`: a reading back at or under the threshold, or back inside the band. `setting_disabled`,
 * `setting_changed`: the setting the alarm was judged by is gone, so the alarm ends with it.
 */
export type AlarmClearReason = 'condition_ended' | 'setting_disabled' | 'setting_changed';

interface AlarmSubject {
  /** Stable per alarm; both events of one alarm carry it. */
  readonly alarmId: string;
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly sensorId: string;
  readonly phase?: Phase;
  readonly kind: AlarmKind;
  readonly unit: 'W' | 'V';
  /** measuredAt of the first reading of the stretch that tripped it. */
  readonly since: string;
  /** measuredAt of the reading that tripped it (power: the one that completed `forSeconds`). */
  readonly raisedAt: string;
}

export type AlarmRaised = DomainEvent<
  'AlarmRaised',
  AlarmSubject & {
    /** The setting it was judged by, and the configuration request that applied it. */
    readonly setting: AlarmSetting;
    readonly settingRequestId: string;
    /** The reading that tripped it. */
    readonly value: number;
    /** The reading at `since`. */
    readonly firstValue: number;
    /** Power: the highest reading since `since`; voltage: the reading farthest outside the band. */
    readonly peak: number;
    /** voltage_band only: on which side of the band. */
    readonly direction?: 'above' | 'below';
  }
>;

export type AlarmCleared = DomainEvent<
  'AlarmCleared',
  AlarmSubject & {
    /** When the condition ended: the reading back in range, or the moment the setting changed. */
    readonly clearedAt: string;
    readonly reason: AlarmClearReason;
    /** The reading that ended it; null when the setting did. */
    readonly value: number | null;
    /** Power: the highest reading while it was open; voltage: the reading farthest outside the band. */
    readonly peak: number;
  }
>;

export type AlarmEvent = AlarmRaised | AlarmCleared;

/** The stored type names of alarms, in `alarm-<nodeId>` streams. */
export const ALARM_EVENT_TYPES: readonly AlarmEvent['type'][] = ['AlarmRaised', 'AlarmCleared'];

export function isAlarmEvent(event: { readonly type: string }): event is AlarmEvent {
  return (ALARM_EVENT_TYPES as readonly string[]).includes(event.type);
}
