import { DeciderSpecification } from '#test/support/decider-spec.js';
import { A_PLUG, aPlannedHold } from '#test/builders/automation.js';
import type { PlannedHold } from './planner.types.js';
import { loadHoldDecider, type LoadHoldCommand } from './load-hold.decider.js';
import type { LoadHoldEvent, PreviousState } from './load-hold.events.js';

const given = DeciderSpecification.for(loadHoldDecider);
const T = (hhmm: string) => `2026-12-07T${hhmm}:00.000Z`;
const place = (hold: PlannedHold, at = T('17:00'), previousState: PreviousState = 'on'): LoadHoldCommand => ({
  type: 'PlaceHold',
  data: { hold, previousState, offCommandId: `off-${hold.holdId}`, at },
});
const release = (holdId: string, at = T('18:00')): LoadHoldCommand => ({
  type: 'ReleaseHold',
  data: { holdId, reason: 'ended', at },
});

/** The events placing `hold` leave behind, decided for real (so the spec's history is what the decider writes). */
function placed(
  hold: PlannedHold,
  history: LoadHoldEvent[] = [],
  previousState: PreviousState = 'on',
): LoadHoldEvent[] {
  let events: LoadHoldEvent[] = [];
  given(...history)
    .when(place(hold, T('17:00'), previousState))
    .then((decided) => (events = decided));
  return [...history, ...events];
}

const types = (events: LoadHoldEvent[]) => events.map((e) => e.type);
const second = aPlannedHold({ holdId: 'h-2', until: T('18:30'), hardUntil: T('19:00'), restoreAt: T('18:30') });

describe('load hold decider', () => {
  it('switches the plug off once for any number of overlapping holds', () => {
    given()
      .when(place(aPlannedHold()))
      .then((events) => {
        expect(types(events)).toEqual(['LoadHoldPlaced', 'LoadShedStarted']);
        expect(events[1]).toEqual({
          type: 'LoadShedStarted',
          data: { sensorId: A_PLUG, previousState: 'on', commandId: 'off-h-1', at: T('17:00') },
        });
      });
    given(...placed(aPlannedHold()))
      .when(place(second))
      .then((events) => expect(types(events)).toEqual(['LoadHoldPlaced']));
    given(...placed(aPlannedHold()))
      .when(place(aPlannedHold()))
      .then([]);
  });

  it('restores only when the last hold is released, at the staggered time', () => {
    const both = placed(second, placed(aPlannedHold()));
    given(...both)
      .when(release('h-1'))
      .then((events) => expect(types(events)).toEqual(['LoadHoldReleased']));
    given(...both, {
      type: 'LoadHoldReleased',
      data: { holdId: 'h-1', sensorId: A_PLUG, reason: 'ended', at: T('18:00') },
    })
      .when(release('h-2', T('18:30')))
      .then((events) => {
        expect(events.at(-1)).toEqual({
          type: 'LoadRestoreScheduled',
          data: { sensorId: A_PLUG, restoreAt: T('18:30'), at: T('18:30') },
        });
      });
    given(
      ...placed(aPlannedHold()),
      { type: 'LoadHoldReleased', data: { holdId: 'h-1', sensorId: A_PLUG, reason: 'ended', at: T('18:00') } },
      {
        type: 'LoadRestoreScheduled',
        data: { sensorId: A_PLUG, restoreAt: '2026-12-07T18:00:30.000Z', at: T('18:00') },
      },
    )
      .when({ type: 'Restore', data: { commandId: 'on-1', at: '2026-12-07T18:01:00.000Z' } })
      .then([{ type: 'LoadRestored', data: { sensorId: A_PLUG, commandId: 'on-1', at: '2026-12-07T18:01:00.000Z' } }]);
  });

  it('never switches on a plug that was off before under restore: previous', () => {
    given(...placed(aPlannedHold(), [], 'off'))
      .when(release('h-1'))
      .then((events) =>
        expect(events.at(-1)).toMatchObject({ type: 'LoadRestoreSkipped', data: { reason: 'was_off' } }),
      );
    given(...placed(aPlannedHold(), [], 'unknown'))
      .when(release('h-1'))
      .then((events) =>
        expect(events.at(-1)).toMatchObject({ type: 'LoadRestoreSkipped', data: { reason: 'state_unknown' } }),
      );
    given(...placed(aPlannedHold({ restore: 'none' })))
      .when(release('h-1'))
      .then((events) => expect(events.at(-1)).toMatchObject({ data: { reason: 'policy_none' } }));
  });

  it('enforces the hard maximum even if the signal is never withdrawn, and never places an expired hold', () => {
    given(...placed(aPlannedHold()))
      .when({ type: 'EnforceMaxDuration', data: { at: T('18:59') } })
      .then([]);
    given(...placed(aPlannedHold()))
      .when({ type: 'EnforceMaxDuration', data: { at: T('19:00') } })
      .then((events) => {
        expect(events[0]).toMatchObject({ type: 'LoadHoldReleased', data: { reason: 'max_duration' } });
        expect(types(events)).toEqual(['LoadHoldReleased', 'LoadRestoreScheduled']);
      });
    given()
      .when(place(aPlannedHold(), T('19:00')))
      .then([]);
  });

  it('keeps the plug off when a hold arrives while a restore waits for its stagger', () => {
    const waiting = [
      ...placed(aPlannedHold()),
      { type: 'LoadHoldReleased', data: { holdId: 'h-1', sensorId: A_PLUG, reason: 'ended', at: T('18:00') } },
      { type: 'LoadRestoreScheduled', data: { sensorId: A_PLUG, restoreAt: T('18:05'), at: T('18:00') } },
    ] as LoadHoldEvent[];
    const next = aPlannedHold({ holdId: 'h-3', until: T('18:45'), hardUntil: T('19:30') });
    given(...waiting)
      .when(place(next, T('18:01')))
      .then((events) => expect(types(events)).toEqual(['LoadHoldPlaced']));
    given(...waiting, ...placed(next, waiting).slice(waiting.length))
      .when({ type: 'Restore', data: { commandId: 'on-x', at: T('18:05') } })
      .then([]);
  });

  it('takes a command not its own as the owner opting out: holds released, no restore, failure recorded once', () => {
    given(...placed(aPlannedHold()))
      .when({ type: 'RecordForeignCommand', data: { byActor: 'user:owner-1', commandId: 'c-9', at: T('17:20') } })
      .then((events) =>
        expect(events.map((e) => [e.type, (e.data as { reason?: string }).reason])).toEqual([
          ['LoadShedOverridden', undefined],
          ['LoadHoldReleased', 'opted_out'],
          ['LoadRestoreSkipped', 'manual_override'],
        ]),
      );
    const failed = {
      type: 'LoadShedFailed',
      data: { sensorId: A_PLUG, commandId: 'off-h-1', reason: 'timed_out', at: T('17:01') },
    } as const;
    given(...placed(aPlannedHold()))
      .when({ type: 'RecordShedFailure', data: { commandId: 'off-h-1', reason: 'timed_out', at: T('17:01') } })
      .then([failed]);
    given(...placed(aPlannedHold()), failed)
      .when({ type: 'RecordShedFailure', data: { commandId: 'off-h-1', reason: 'timed_out', at: T('17:02') } })
      .then([]);
    given(...placed(aPlannedHold()), failed)
      .when(release('h-1'))
      .then((events) => expect(types(events)).toEqual(['LoadHoldReleased']));
  });
});
