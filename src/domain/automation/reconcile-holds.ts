import type { LoadHoldCommand, LoadHoldState } from './load-hold.decider.js';
import type { PreviousState } from './load-hold.events.js';
import type { PlannedHold } from './planner.types.js';

/** Command ids the executor derives from hold ids (deterministic, so a retried step never makes a second command). */
export interface CommandIds {
  off(holdId: string): string;
  restore(sensorId: string, restoreAt: string): string;
}

/**
 * One step of the executor for one plug: the hold-stream commands that bring its stream in line with the plan at
 * `now`. Holds due and not yet placed are placed; active holds the plan no longer has are released as withdrawn,
 * those past their end as ended; the hard maximum is enforced; a restore whose time has come is made. Pure: the
 * executor calls it after any input changes and at due times, and decides each command on the stream's revision.
 */
export function reconcileHolds(
  sensorId: string,
  planned: readonly PlannedHold[],
  state: LoadHoldState,
  plugState: PreviousState,
  now: number,
  ids: CommandIds,
): LoadHoldCommand[] {
  const at = new Date(now).toISOString();
  const mine = planned.filter((h) => h.sensorId === sensorId && h.action === 'off');
  const commands: LoadHoldCommand[] = [];
  const wanted = new Set(mine.map((h) => h.holdId));
  for (const hold of state.holds.values()) {
    if (!wanted.has(hold.holdId))
      commands.push({ type: 'ReleaseHold', data: { holdId: hold.holdId, reason: 'withdrawn', at } });
    else if (Date.parse(hold.until) <= now)
      commands.push({ type: 'ReleaseHold', data: { holdId: hold.holdId, reason: 'ended', at } });
  }
  commands.push({ type: 'EnforceMaxDuration', data: { at } });
  for (const hold of mine) {
    const due = Date.parse(hold.from) <= now && now < Date.parse(hold.until);
    if (due && !state.seen.has(hold.holdId)) {
      commands.push({
        type: 'PlaceHold',
        data: { hold, previousState: plugState, offCommandId: ids.off(hold.holdId), at },
      });
    }
  }
  if (state.restoreAt !== null && Date.parse(state.restoreAt) <= now) {
    commands.push({ type: 'Restore', data: { commandId: ids.restore(sensorId, state.restoreAt), at } });
  }
  return commands;
}
