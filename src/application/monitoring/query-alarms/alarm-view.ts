import type { AlarmClearReason, AlarmKind, AlarmSetting } from '../../../domain/monitoring/alarm.events.js';

export interface AlarmView {
  readonly alarmId: string;
  /** Order of raising; pages run on it, newest first. */
  readonly seq: number;
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly sensorId: string;
  readonly phase: string | null;
  readonly kind: AlarmKind;
  readonly unit: string;
  readonly state: 'open' | 'cleared';
  /** The setting it was judged by, as the node's configuration applied it. */
  readonly setting: AlarmSetting;
  /** The configuration request that applied the setting. */
  readonly settingRequestId: string;
  /** measuredAt of the first reading of the stretch that tripped it. */
  readonly since: string;
  /** measuredAt of the reading that tripped it. */
  readonly raisedAt: string;
  readonly raisedValue: number;
  readonly firstValue: number;
  /** voltage_band: on which side of the band; null for power. */
  readonly direction: 'above' | 'below' | null;
  /** Power: the highest reading, voltage: the one farthest outside the band — at the raise while open, over the whole alarm once cleared. */
  readonly peak: number;
  readonly clearedAt: string | null;
  readonly clearReason: AlarmClearReason | null;
  /** The reading that ended it; null while open or when the setting ended it. */
  readonly clearedValue: number | null;
}

export interface AlarmPage {
  readonly items: AlarmView[];
  /** Pass as `afterSeq` for the next (older) page; null at the end. */
  readonly nextAfterSeq: number | null;
}
