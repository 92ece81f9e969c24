import type { Phase } from '../metering/canonical-reading.js';
import type { AlarmKind, AlarmSetting } from './alarm.events.js';

/* The alarm workflow's inputs and the state it keeps per node and alarm kind (see alarm.workflow.ts). */

export type AlarmCommand =
  | {
      readonly type: 'ApplyAlarmSetting';
      readonly data: { readonly setting: AlarmSetting; readonly requestId: string; readonly appliedAt: string };
    }
  | {
      readonly type: 'JudgeReading';
      readonly data: {
        readonly gatewayId: string;
        readonly sensorId: string;
        readonly phase?: Phase;
        readonly value: number;
        readonly measuredAt: string;
        /** The id an alarm raised by this reading gets (the caller derives it from the reading's event). */
        readonly alarmId: string;
      };
    };

export interface OpenAlarm {
  readonly alarmId: string;
  readonly since: string;
  readonly raisedAt: string;
  readonly peak: number;
}

export interface SensorTrack {
  readonly gatewayId: string;
  readonly phase?: Phase;
  /** measuredAt of the newest reading judged; a reading at or before it is late. */
  readonly lastJudgedAt: string | null;
  /** power_above: the stretch above the threshold so far, unbroken by a reading at or under it. */
  readonly run: { readonly since: string; readonly firstValue: number; readonly peak: number } | null;
  readonly open: OpenAlarm | null;
}

export interface AppliedAlarmSetting {
  readonly value: AlarmSetting;
  readonly requestId: string;
  /** Readings measured before it are not judged by this setting. */
  readonly appliedAt: string;
}

export interface AlarmState {
  readonly nodeId: string;
  readonly kind: AlarmKind;
  readonly setting: AppliedAlarmSetting | null;
  readonly sensors: Readonly<Record<string, SensorTrack>>;
}

/** A reading to judge, as the JudgeReading input carries it. */
export type Reading = Extract<AlarmCommand, { type: 'JudgeReading' }>['data'];
