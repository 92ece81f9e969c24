import type { DomainEvent } from '../shared/event.js';
import type { HoldSource } from './planner.types.js';
import type { RestorePolicy } from './rule-spec.js';

/** The plug's switch state when the first hold switched it off: what `restore: previous` brings back. */
export type PreviousState = 'on' | 'off' | 'unknown';

export const RELEASE_REASONS = ['ended', 'withdrawn', 'opted_out', 'max_duration', 'rule_disabled'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

/**
 * `load-hold-<sensorId>`: one stream per plug, appended at its revision, so holds on one plug are serialized. A plug
 * is off while at least one hold is active; one OFF command for any number of overlapping holds, one restore after
 * the last is released.
 */
export type LoadHoldPlaced = DomainEvent<
  'LoadHoldPlaced',
  {
    readonly holdId: string;
    readonly sensorId: string;
    readonly ruleId: string;
    readonly source: HoldSource;
    readonly episode: string;
    readonly until: string;
    readonly hardUntil: string;
    readonly restore: RestorePolicy;
    readonly restoreAt: string;
    readonly at: string;
  }
>;

/** The first active hold switched the plug off with this command. */
export type LoadShedStarted = DomainEvent<
  'LoadShedStarted',
  { readonly sensorId: string; readonly previousState: PreviousState; readonly commandId: string; readonly at: string }
>;

export type LoadHoldReleased = DomainEvent<
  'LoadHoldReleased',
  { readonly holdId: string; readonly sensorId: string; readonly reason: ReleaseReason; readonly at: string }
>;

export type LoadRestoreScheduled = DomainEvent<
  'LoadRestoreScheduled',
  { readonly sensorId: string; readonly restoreAt: string; readonly at: string }
>;

export type LoadRestored = DomainEvent<
  'LoadRestored',
  { readonly sensorId: string; readonly commandId: string; readonly at: string }
>;

/** No restore command: the policy says none, the plug was off (or unknown) before, or the owner took control. */
export type LoadRestoreSkipped = DomainEvent<
  'LoadRestoreSkipped',
  {
    readonly sensorId: string;
    readonly reason: 'policy_none' | 'was_off' | 'state_unknown' | 'manual_override';
    readonly at: string;
  }
>;

/** A command on the held plug that was not ours: the owner's hand counts as opting out for the rest of the event. */
export type LoadShedOverridden = DomainEvent<
  'LoadShedOverridden',
  { readonly sensorId: string; readonly byActor: string; readonly commandId: string; readonly at: string }
>;

export type LoadShedFailed = DomainEvent<
  'LoadShedFailed',
  {
    readonly sensorId: string;
    readonly commandId: string;
    readonly reason: 'failed' | 'timed_out' | 'undelivered';
    readonly at: string;
  }
>;

export type LoadHoldEvent =
  | LoadHoldPlaced
  | LoadShedStarted
  | LoadHoldReleased
  | LoadRestoreScheduled
  | LoadRestored
  | LoadRestoreSkipped
  | LoadShedOverridden
  | LoadShedFailed;

export const LOAD_HOLD_EVENT_TYPES: readonly LoadHoldEvent['type'][] = [
  'LoadHoldPlaced',
  'LoadShedStarted',
  'LoadHoldReleased',
  'LoadRestoreScheduled',
  'LoadRestored',
  'LoadRestoreSkipped',
  'LoadShedOverridden',
  'LoadShedFailed',
];

export function isLoadHoldEvent(event: { readonly type: string; readonly data: unknown }): event is LoadHoldEvent {
  return (LOAD_HOLD_EVENT_TYPES as readonly string[]).includes(event.type);
}
