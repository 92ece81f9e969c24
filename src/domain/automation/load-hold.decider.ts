import { assertNever, type Decider } from '../shared/decider.js';
import type { LoadHoldEvent, LoadHoldPlaced, PreviousState, ReleaseReason } from './load-hold.events.js';
import type { PlannedHold } from './planner.types.js';

type Hold = LoadHoldPlaced['data'];

export interface LoadHoldState {
  readonly sensorId: string | null;
  /** Active holds by id. */
  readonly holds: ReadonlyMap<string, Hold>;
  /** Ids of every hold ever placed: a hold released (or past its hard maximum) is never placed again. */
  readonly seen: ReadonlySet<string>;
  /** Set while the plug is off on our account: the first hold's policy and the state it found the plug in. */
  readonly shed: { readonly previousState: PreviousState; readonly restore: Hold['restore'] } | null;
  readonly restoreAt: string | null;
}

export type LoadHoldCommand =
  | {
      readonly type: 'PlaceHold';
      /** `previousState`: the plug's switch state now; `offCommandId`: derived from the hold id by the executor. */
      readonly data: {
        readonly hold: PlannedHold;
        readonly previousState: PreviousState;
        readonly offCommandId: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'ReleaseHold';
      readonly data: { readonly holdId: string; readonly reason: ReleaseReason; readonly at: string };
    }
  /** Releases every hold whose hard maximum has passed, whether or not its signal was ever withdrawn. */
  | { readonly type: 'EnforceMaxDuration'; readonly data: { readonly at: string } }
  | { readonly type: 'Restore'; readonly data: { readonly commandId: string; readonly at: string } }
  | {
      readonly type: 'RecordForeignCommand';
      readonly data: { readonly byActor: string; readonly commandId: string; readonly at: string };
    }
  | {
      readonly type: 'RecordShedFailure';
      readonly data: {
        readonly commandId: string;
        readonly reason: 'failed' | 'timed_out' | 'undelivered';
        readonly at: string;
      };
    };

const initialState = (): LoadHoldState => ({
  sensorId: null,
  holds: new Map(),
  seen: new Set(),
  shed: null,
  restoreAt: null,
});

function evolve(state: LoadHoldState, event: LoadHoldEvent): LoadHoldState {
  switch (event.type) {
    case 'LoadHoldPlaced': {
      const holds = new Map(state.holds).set(event.data.holdId, event.data);
      // A hold placed while a restore waits for its stagger keeps the plug off: the restore is off.
      return {
        ...state,
        sensorId: event.data.sensorId,
        holds,
        seen: new Set(state.seen).add(event.data.holdId),
        restoreAt: null,
      };
    }
    case 'LoadShedStarted': {
      const first = [...state.holds.values()].at(-1);
      return { ...state, shed: { previousState: event.data.previousState, restore: first?.restore ?? 'previous' } };
    }
    case 'LoadHoldReleased': {
      const holds = new Map(state.holds);
      holds.delete(event.data.holdId);
      return { ...state, holds };
    }
    case 'LoadRestoreScheduled':
      return { ...state, restoreAt: event.data.restoreAt };
    case 'LoadRestored':
    case 'LoadRestoreSkipped':
    case 'LoadShedFailed':
      return { ...state, shed: null, restoreAt: null };
    case 'LoadShedOverridden':
      return state;
    default:
      return assertNever(event);
  }
}

/** The decision once the last hold is gone: restore (staggered), or say why not. */
function afterLastRelease(state: LoadHoldState, released: Hold, at: string): LoadHoldEvent[] {
  const sensorId = released.sensorId;
  if (!state.shed) return [];
  if (state.shed.restore === 'none')
    return [{ type: 'LoadRestoreSkipped', data: { sensorId, reason: 'policy_none', at } }];
  if (state.shed.restore === 'previous' && state.shed.previousState !== 'on') {
    const reason = state.shed.previousState === 'off' ? 'was_off' : 'state_unknown';
    return [{ type: 'LoadRestoreSkipped', data: { sensorId, reason, at } }];
  }
  const restoreAt = Date.parse(released.restoreAt) > Date.parse(at) ? released.restoreAt : at;
  return [{ type: 'LoadRestoreScheduled', data: { sensorId, restoreAt, at } }];
}

function release(state: LoadHoldState, holdIds: readonly string[], reason: ReleaseReason, at: string): LoadHoldEvent[] {
  const events: LoadHoldEvent[] = [];
  let current = state;
  for (const holdId of holdIds) {
    const hold = current.holds.get(holdId);
    if (!hold) continue;
    const released: LoadHoldEvent = { type: 'LoadHoldReleased', data: { holdId, sensorId: hold.sensorId, reason, at } };
    events.push(released);
    current = evolve(current, released);
    if (current.holds.size === 0) events.push(...afterLastRelease(current, hold, at));
  }
  return events;
}

function decide(command: LoadHoldCommand, state: LoadHoldState): LoadHoldEvent[] {
  switch (command.type) {
    case 'PlaceHold': {
      const { hold, previousState, offCommandId, at } = command.data;
      if (hold.action !== 'off' || state.seen.has(hold.holdId)) return [];
      if (Date.parse(at) >= Date.parse(hold.hardUntil) || Date.parse(at) >= Date.parse(hold.until)) return [];
      const placed: LoadHoldEvent = {
        type: 'LoadHoldPlaced',
        data: {
          holdId: hold.holdId,
          sensorId: hold.sensorId,
          ruleId: hold.ruleId,
          source: hold.source,
          episode: hold.episode,
          until: hold.until,
          hardUntil: hold.hardUntil,
          restore: hold.restore,
          restoreAt: hold.restoreAt,
          at,
        },
      };
      if (state.shed) return [placed];
      return [
        placed,
        { type: 'LoadShedStarted', data: { sensorId: hold.sensorId, previousState, commandId: offCommandId, at } },
      ];
    }
    case 'ReleaseHold':
      return release(state, [command.data.holdId], command.data.reason, command.data.at);
    case 'EnforceMaxDuration': {
      const at = Date.parse(command.data.at);
      const due = [...state.holds.values()].filter((h) => Date.parse(h.hardUntil) <= at).map((h) => h.holdId);
      return release(state, due, 'max_duration', command.data.at);
    }
    case 'Restore': {
      const { commandId, at } = command.data;
      if (!state.shed || state.sensorId === null || state.holds.size > 0 || state.restoreAt === null) return [];
      if (Date.parse(at) < Date.parse(state.restoreAt)) return [];
      return [{ type: 'LoadRestored', data: { sensorId: state.sensorId, commandId, at } }];
    }
    case 'RecordForeignCommand': {
      const { byActor, commandId, at } = command.data;
      if (!state.shed || state.sensorId === null) return [];
      const sensorId = state.sensorId;
      return [
        { type: 'LoadShedOverridden', data: { sensorId, byActor, commandId, at } },
        ...[...state.holds.keys()].map((holdId): LoadHoldEvent => ({
          type: 'LoadHoldReleased',
          data: { holdId, sensorId, reason: 'opted_out', at },
        })),
        { type: 'LoadRestoreSkipped', data: { sensorId, reason: 'manual_override', at } },
      ];
    }
    case 'RecordShedFailure': {
      const { commandId, reason, at } = command.data;
      if (!state.shed || state.sensorId === null) return [];
      // Recorded once; the holds stay until they end, and nothing retries in a loop.
      return [{ type: 'LoadShedFailed', data: { sensorId: state.sensorId, commandId, reason, at } }];
    }
    default:
      return assertNever(command);
  }
}

export const loadHoldDecider: Decider<LoadHoldState, LoadHoldCommand, LoadHoldEvent> = { decide, evolve, initialState };
