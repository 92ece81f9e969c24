import { A_PLUG, aPlannedHold } from '#test/builders/automation.js';
import { fold } from '../shared/decider.js';
import { loadHoldDecider, type LoadHoldState } from './load-hold.decider.js';
import type { LoadHoldEvent } from './load-hold.events.js';
import type { PlannedHold } from './planner.types.js';
import { reconcileHolds } from './reconcile-holds.js';

const ids = { off: (h: string) => `off:${h}`, restore: (s: string, t: string) => `on:${s}:${t}` };
const T = (hhmm: string) => Date.parse(`2026-12-07T${hhmm}:00.000Z`);

/** Runs reconcile steps at the given minutes, deciding each command on the stream as the executor will. */
function run(plan: readonly PlannedHold[], times: readonly string[]): LoadHoldEvent[] {
  const log: LoadHoldEvent[] = [];
  for (const time of times) {
    const state: LoadHoldState = fold(loadHoldDecider, log);
    for (const command of reconcileHolds(A_PLUG, plan, state, 'on', T(time), ids)) {
      log.push(...loadHoldDecider.decide(command, fold(loadHoldDecider, log)));
    }
  }
  return log;
}

describe('reconcileHolds', () => {
  it('places a due hold once, however often it runs, then releases it at its end and restores after the stagger', () => {
    const log = run([aPlannedHold()], ['16:59', '17:00', '17:10', '17:30', '18:00', '18:00', '18:01']);
    expect(log.map((e) => e.type)).toEqual([
      'LoadHoldPlaced',
      'LoadShedStarted',
      'LoadHoldReleased',
      'LoadRestoreScheduled',
      'LoadRestored',
    ]);
    expect(log[1]).toMatchObject({ data: { commandId: 'off:h-1' } });
    expect(log[4]).toMatchObject({ data: { commandId: 'on:zigbee:0x00124b0001/1/switch:2026-12-07T18:00:30.000Z' } });
  });

  it('releases a hold the plan no longer has (the event was withdrawn)', () => {
    const placed = run([aPlannedHold()], ['17:00']);
    const state = fold(loadHoldDecider, placed);
    expect(reconcileHolds(A_PLUG, [], state, 'off', T('17:20'), ids)[0]).toEqual({
      type: 'ReleaseHold',
      data: { holdId: 'h-1', reason: 'withdrawn', at: '2026-12-07T17:20:00.000Z' },
    });
  });

  it('switches one plug off once for two overlapping holds and restores once', () => {
    const plan = [
      aPlannedHold(),
      aPlannedHold({
        holdId: 'h-2',
        from: '2026-12-07T17:30:00.000Z',
        until: '2026-12-07T18:30:00.000Z',
        restoreAt: '2026-12-07T18:30:00.000Z',
      }),
    ];
    const log = run(plan, ['17:00', '17:30', '18:00', '18:30', '18:31']);
    expect(log.filter((e) => e.type === 'LoadShedStarted')).toHaveLength(1);
    expect(log.filter((e) => e.type === 'LoadRestored')).toHaveLength(1);
  });
});
