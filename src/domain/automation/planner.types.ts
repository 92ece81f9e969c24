import type { SignalSegment } from '../market/signal-segments/signal-segment.js';
import type { Span } from './intervals.js';
import type { RestorePolicy, RuleSpec } from './rule-spec.js';

/** One program's merged timeline of grid-signal segments (market's compiler output, ADR 0022). */
export interface ProgramSignals {
  readonly programId: string;
  readonly segments: readonly SignalSegment[];
}

/**
 * The owner's enrollment in one program as the planner needs it. Enrollment itself belongs to the market context;
 * this plain shape is what it will feed. A DR trigger acts only on resources enrolled with dispatch consent, and not
 * while the enrollment is paused (`pausedUntil`: epoch ms, or null for "until resumed").
 */
export interface PlannerEnrollment {
  readonly programId: string;
  readonly resources: readonly string[];
  readonly allowDispatch: boolean;
  readonly paused?: { readonly until: number | null };
}

/** An alarm of one of the owner's nodes, open from `raisedAt` until `clearedAt` (null: still open). */
export interface PlannerAlarm {
  readonly nodeId: string;
  readonly kind: string;
  readonly raisedAt: number;
  readonly clearedAt: number | null;
}

/** What is known of a plug now: its switch state and its power draw in watts (null when unknown). */
export interface PlugFacts {
  readonly sensorId: string;
  readonly state: 'on' | 'off' | 'unknown';
  readonly watts: number | null;
}

/** A sensor's readings, each holding until the next. */
export interface ReadingSeries {
  readonly sensorId: string;
  readonly samples: readonly { readonly at: number; readonly value: number }[];
}

/** A rule in force (enabled, its version accepted); the planner never sees the others. */
export interface PlannerRule {
  readonly ruleId: string;
  readonly spec: RuleSpec;
}

export interface PlannerInput {
  readonly signals: readonly ProgramSignals[];
  readonly rules: readonly PlannerRule[];
  readonly enrollments: readonly PlannerEnrollment[];
  readonly alarms: readonly PlannerAlarm[];
  readonly plugs: readonly PlugFacts[];
  readonly readings?: readonly ReadingSeries[];
  /** The owner opted these plugs out of these events. */
  readonly optOuts?: readonly { readonly eventId: string; readonly sensorId: string }[];
  readonly interval: Span;
}

export type HoldSource =
  { readonly kind: 'dr'; readonly eventId: string } | { readonly kind: 'rule'; readonly eventId?: string };

/** One planned switch of one plug by one rule: off (a shed) or on (a cheap-price run) from `from` until `until`. */
export interface PlannedHold {
  /** Deterministic: the same inputs give the same id, so the executor's idempotency keys follow from it. */
  readonly holdId: string;
  readonly ruleId: string;
  readonly sensorId: string;
  readonly action: 'off' | 'on';
  readonly source: HoldSource;
  /** The need this hold serves: a DR event id, or the rule's own need (`<trigger>@<start>`). */
  readonly episode: string;
  readonly from: string;
  readonly until: string;
  /** Enforced by the executor even if the signal is never withdrawn. */
  readonly hardUntil: string;
  readonly restore: RestorePolicy;
  /** `until` plus the deterministic stagger of this (episode, plug). */
  readonly restoreAt: string;
}

export const SKIP_REASONS = [
  'forbidden_window',
  'must_be_on_by',
  'event_cap_reached',
  'daily_cap_reached',
  'max_sheds_reached',
  'shorter_than_min_off',
  'min_on_between_sheds',
  'off_wins_over_on',
  'state_unknown',
  'load_unknown',
  'load_below_threshold',
  'condition_not_met',
  'resource_not_enrolled',
  'dispatch_not_allowed',
  'enrollment_paused',
  'opted_out',
  'stale_prices',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Minutes of a need for one plug that no hold covers, and why. */
export interface SkippedResource {
  readonly ruleId: string;
  readonly sensorId: string | null;
  readonly episode: string;
  readonly reason: SkipReason;
  readonly from: string;
  readonly to: string;
}

export interface PlannedNotification {
  readonly ruleId: string;
  readonly episode: string;
  readonly at: string;
  readonly topic: string;
}

export interface Plan {
  readonly holds: readonly PlannedHold[];
  readonly skipped: readonly SkippedResource[];
  readonly notifications: readonly PlannedNotification[];
}
