/**
 * An owner's automation rule as it is stored verbatim in its events (MARKET.md §6.1): triggers start a need, every
 * condition must hold for the need to act, actions say what to do, and constraints are the owner's limits that no
 * signal overrides. Local times ("HH:mm") are read in the rule's IANA zone when a plan is made, never stored as
 * offsets, so the same rule means the same wall-clock minutes on both DST days.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const COMPARISONS = ['>', '>=', '<', '<='] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const PRICE_PAYLOAD_TYPES = ['PRICE', 'EXPORT_PRICE', 'PRICE_ALTERNATE'] as const;
export const ALERT_TYPES = [
  'ALERT_GRID_EMERGENCY',
  'ALERT_BLACK_START',
  'ALERT_POSSIBLE_OUTAGE',
  'ALERT_FLEX_ALERT',
  'ALERT_FIRE',
  'ALERT_FREEZING',
  'ALERT_WIND',
  'ALERT_TSUNAMI',
  'ALERT_AIR_QUALITY',
  'ALERT_OTHER',
] as const;
export const ALARM_KINDS = ['power_above', 'voltage_band'] as const;
export const RESTORE_POLICIES = ['previous', 'on', 'none'] as const;
export type RestorePolicy = (typeof RESTORE_POLICIES)[number];

/** A local wall-clock window, `from` inclusive, `to` exclusive; `to` ≤ `from` crosses midnight. Days are the start's. */
export interface LocalWindow {
  readonly from: string;
  readonly to: string;
  readonly days?: readonly Weekday[];
}

export type Trigger =
  | {
      readonly kind: 'price';
      readonly programId?: string;
      readonly payloadType: (typeof PRICE_PAYLOAD_TYPES)[number];
      readonly op: Comparison;
      readonly threshold: number;
      readonly currency?: string;
      /** Hysteresis: the need starts at the N-th consecutive slot past the threshold (default 1). */
      readonly minConsecutiveSlots?: number;
    }
  | {
      readonly kind: 'price_rank';
      readonly programId?: string;
      readonly pick: 'most_expensive' | 'cheapest';
      readonly slots: number;
      readonly window: { readonly from: string; readonly to: string };
    }
  | { readonly kind: 'ghg'; readonly programId?: string; readonly op: Comparison; readonly threshold: number }
  | {
      readonly kind: 'dr_event';
      readonly programId: string;
      /** The SIMPLE level at or above which the event counts (default 1). */
      readonly minSimpleLevel?: 0 | 1 | 2 | 3;
    }
  | { readonly kind: 'alert'; readonly types: readonly (typeof ALERT_TYPES)[number][] }
  | {
      readonly kind: 'alarm';
      readonly alarmKinds: readonly (typeof ALARM_KINDS)[number][];
      readonly nodeIds?: readonly string[];
    }
  | {
      readonly kind: 'reading';
      readonly sensorId: string;
      readonly op: Comparison;
      readonly threshold: number;
      readonly forSeconds: number;
    };

export type Condition =
  | ({ readonly kind: 'time_window' } & LocalWindow)
  | { readonly kind: 'load_above'; readonly sensorId: string; readonly watts: number }
  | { readonly kind: 'state_known' };

export type Action =
  | {
      readonly kind: 'switch_off';
      /** Actuator sensor ids. */
      readonly resources: readonly string[];
      readonly maxMinutes: number;
      readonly restore: RestorePolicy;
      /** Restores are spread over this many seconds after the need ends (0..900), the same offset per event and plug. */
      readonly restoreSpreadSeconds?: number;
    }
  | { readonly kind: 'switch_on'; readonly resources: readonly string[]; readonly maxMinutes: number }
  | { readonly kind: 'notify'; readonly topic?: string };

export interface Constraints {
  readonly forbiddenWindows: readonly LocalWindow[];
  readonly maxOffMinutesPerEvent: number;
  readonly maxOffMinutesPerDay?: number;
  readonly minOnMinutesBetweenSheds?: number;
  readonly minOffMinutes?: number;
  readonly maxShedsPerDay?: number;
  /** "HH:mm": the plug is on again by then each local day (a shed spanning it ends there). */
  readonly mustBeOnBy?: string;
}

export interface RuleSpec {
  readonly name: string;
  readonly timezone: string;
  readonly when: readonly Trigger[];
  readonly only?: readonly Condition[];
  readonly then: readonly Action[];
  readonly constraints: Constraints;
  /** Lower wins among the owner's rules. */
  readonly priority?: number;
}

export type TriggerKind = Trigger['kind'];
export const TRIGGER_KINDS: readonly TriggerKind[] = [
  'price',
  'price_rank',
  'ghg',
  'dr_event',
  'alert',
  'alarm',
  'reading',
];
export const CONDITION_KINDS: readonly Condition['kind'][] = ['time_window', 'load_above', 'state_known'];
export const ACTION_KINDS: readonly Action['kind'][] = ['switch_off', 'switch_on', 'notify'];
