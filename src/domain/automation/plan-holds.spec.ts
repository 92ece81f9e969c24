import { Temporal } from 'temporal-polyfill';
import {
  A_PLUG,
  A_PROGRAM,
  aPlannerInput,
  aRuleSpec,
  aSegment,
  aSwitchOff,
  priceSlots,
  someConstraints,
} from '#test/builders/automation.js';
import { planHolds } from './plan-holds.js';
import type { PlannerInput, PlannerRule } from './planner.types.js';
import type { RuleSpec } from './rule-spec.js';

const ZONE = 'Europe/Amsterdam';
/** Epoch ms of a local wall-clock time in Amsterdam. */
const local = (dateTime: string) => Temporal.PlainDateTime.from(dateTime).toZonedDateTime(ZONE).epochMilliseconds;
const iso = (dateTime: string) => new Date(local(dateTime)).toISOString();
const rule = (spec: Partial<RuleSpec>, ruleId = 'r-1'): PlannerRule => ({ ruleId, spec: aRuleSpec(spec) });
const drEvent = (from: string, to: string, eventId = 'event-1') => ({
  programId: A_PROGRAM,
  segments: [aSegment('SIMPLE', local(from), local(to), 1, eventId)],
});
const spans = (plan: ReturnType<typeof planHolds>) => plan.holds.map((h) => [h.from, h.until]);
const reasons = (plan: ReturnType<typeof planHolds>) => plan.skipped.map((s) => [s.reason, s.from, s.to]);

describe('planHolds', () => {
  describe('a DR event 17:00–21:00 against a forbidden window 18:00–20:00 and a 90-minute cap', () => {
    const peakRule = rule({
      constraints: someConstraints({ forbiddenWindows: [{ from: '18:00', to: '20:00' }], maxOffMinutesPerEvent: 90 }),
    });
    it.each(['2026-03-29', '2026-10-25', '2026-12-07'])('sheds 17:00–18:00 and 20:00–20:30 local on %s', (day) => {
      const plan = planHolds(aPlannerInput({ signals: [drEvent(`${day}T17:00`, `${day}T21:00`)], rules: [peakRule] }));
      expect(spans(plan)).toEqual([
        [iso(`${day}T17:00`), iso(`${day}T18:00`)],
        [iso(`${day}T20:00`), iso(`${day}T20:30`)],
      ]);
      expect(reasons(plan)).toEqual([
        ['forbidden_window', iso(`${day}T18:00`), iso(`${day}T20:00`)],
        ['event_cap_reached', iso(`${day}T20:30`), iso(`${day}T21:00`)],
      ]);
      expect(plan.holds[0]).toMatchObject({
        source: { kind: 'dr', eventId: 'event-1' },
        action: 'off',
        restore: 'previous',
      });
    });

    it('leaves out the second part when the minimum on time between sheds forbids it', () => {
      const strict = rule({
        constraints: someConstraints({
          forbiddenWindows: [{ from: '18:00', to: '20:00' }],
          maxOffMinutesPerEvent: 90,
          minOnMinutesBetweenSheds: 180,
        }),
      });
      const plan = planHolds(
        aPlannerInput({ signals: [drEvent('2026-12-07T17:00', '2026-12-07T21:00')], rules: [strict] }),
      );
      expect(spans(plan)).toEqual([[iso('2026-12-07T17:00'), iso('2026-12-07T18:00')]]);
      expect(reasons(plan)).toContainEqual(['min_on_between_sheds', iso('2026-12-07T20:00'), iso('2026-12-07T21:00')]);
    });
  });

  describe('price rules', () => {
    const at = local('2026-12-07T00:00');
    const prices = (values: number[]) => [{ programId: 'tariff', segments: priceSlots(at, 60, values) }];
    const above = (minConsecutiveSlots: number) =>
      rule({
        when: [{ kind: 'price', payloadType: 'PRICE', op: '>', threshold: 0.3, minConsecutiveSlots }],
      });
    const day = { from: at, to: at + 6 * 3_600_000 };

    it('sheds at the second slot above the threshold and restores at the first one below', () => {
      const plan = planHolds(
        aPlannerInput({ signals: prices([0.2, 0.35, 0.4, 0.45, 0.25, 0.2]), rules: [above(2)], interval: day }),
      );
      expect(spans(plan)).toEqual([[iso('2026-12-07T02:00'), iso('2026-12-07T04:00')]]);
      expect(plan.holds[0]!.source).toEqual({ kind: 'rule' });
    });

    it('ignores a single slot above the threshold (hysteresis)', () => {
      const plan = planHolds(
        aPlannerInput({ signals: prices([0.2, 0.5, 0.2, 0.5, 0.2, 0.2]), rules: [above(2)], interval: day }),
      );
      expect(plan.holds).toEqual([]);
    });

    it('does nothing where prices are missing and says so (stale prices)', () => {
      const twoDays = { from: at, to: at + 48 * 3_600_000 };
      const plan = planHolds(
        aPlannerInput({ signals: prices(Array(24).fill(0.5)), rules: [above(1)], interval: twoDays }),
      );
      expect(spans(plan)).toEqual([[iso('2026-12-07T00:00'), iso('2026-12-07T04:00')]]);
      expect(plan.skipped).toContainEqual(
        expect.objectContaining({
          reason: 'stale_prices',
          sensorId: null,
          from: iso('2026-12-08T00:00'),
          to: iso('2026-12-09T00:00'),
        }),
      );
    });

    it('keeps a plug off at least minOffMinutes and on minOnMinutesBetweenSheds on alternating prices', () => {
      const flapping = rule({
        when: [{ kind: 'price', payloadType: 'PRICE', op: '>', threshold: 0.3 }],
        constraints: someConstraints({ minOffMinutes: 30, minOnMinutesBetweenSheds: 60 }),
      });
      const quarterHours = [
        { programId: 'tariff', segments: priceSlots(at, 15, [0.5, 0.5, 0.1, 0.5, 0.1, 0.1, 0.5, 0.1, 0.5, 0.5, 0.5]) },
      ];
      const plan = planHolds(aPlannerInput({ signals: quarterHours, rules: [flapping], interval: day }));
      expect(spans(plan)).toEqual([
        [iso('2026-12-07T00:00'), iso('2026-12-07T00:30')],
        [iso('2026-12-07T02:00'), iso('2026-12-07T02:45')],
      ]);
      expect(reasons(plan).filter(([reason]) => reason !== 'stale_prices')).toEqual([
        ['min_on_between_sheds', iso('2026-12-07T00:45'), iso('2026-12-07T01:00')],
        ['shorter_than_min_off', iso('2026-12-07T01:30'), iso('2026-12-07T01:45')],
      ]);
    });

    it('runs a plug in the cheapest slots of a local window, and OFF wins over ON', () => {
      const cheapest: PlannerRule = {
        ruleId: 'r-cheap',
        spec: aRuleSpec({
          when: [{ kind: 'price_rank', pick: 'cheapest', slots: 2, window: { from: '00:00', to: '06:00' } }],
          then: [{ kind: 'switch_on', resources: [A_PLUG], maxMinutes: 120 }],
        }),
      };
      const plan = planHolds(
        aPlannerInput({ signals: prices([0.3, 0.1, 0.4, 0.05, 0.2, 0.3]), rules: [cheapest], interval: day }),
      );
      expect(plan.holds.map((h) => [h.action, h.from, h.until])).toEqual([
        ['on', iso('2026-12-07T01:00'), iso('2026-12-07T02:00')],
        ['on', iso('2026-12-07T03:00'), iso('2026-12-07T04:00')],
      ]);
      const withShed = planHolds(
        aPlannerInput({
          signals: [...prices([0.3, 0.1, 0.4, 0.05, 0.2, 0.3]), drEvent('2026-12-07T03:30', '2026-12-07T05:00')],
          rules: [cheapest, rule({})],
          interval: day,
        }),
      );
      expect(withShed.holds.map((h) => [h.action, h.from, h.until])).toEqual([
        ['on', iso('2026-12-07T01:00'), iso('2026-12-07T02:00')],
        ['on', iso('2026-12-07T03:00'), iso('2026-12-07T03:30')],
        ['off', iso('2026-12-07T03:30'), iso('2026-12-07T05:00')],
      ]);
    });
  });

  describe('consent, state and conditions', () => {
    const event = [drEvent('2026-12-07T17:00', '2026-12-07T18:00')];
    const plan = (overrides: Partial<PlannerInput>) =>
      planHolds(aPlannerInput({ signals: event, rules: [rule({})], ...overrides }));
    const onlyReason = (p: ReturnType<typeof planHolds>) => [
      p.holds.length,
      [...new Set(p.skipped.map((s) => s.reason))],
    ];

    it('skips a plug whose state is unknown when the rule needs it known', () => {
      const unknown = { plugs: [{ sensorId: A_PLUG, state: 'unknown' as const, watts: null }] };
      expect(onlyReason(plan({ ...unknown, rules: [rule({ only: [{ kind: 'state_known' }] })] }))).toEqual([
        0,
        ['state_unknown'],
      ]);
      expect(plan(unknown).holds).toHaveLength(1);
    });

    it('acts on a DR event only for enrolled plugs with dispatch consent, not paused, not opted out', () => {
      expect(onlyReason(plan({ enrollments: [] }))).toEqual([0, ['resource_not_enrolled']]);
      expect(
        onlyReason(plan({ enrollments: [{ programId: A_PROGRAM, resources: [A_PLUG], allowDispatch: false }] })),
      ).toEqual([0, ['dispatch_not_allowed']]);
      const paused = [
        {
          programId: A_PROGRAM,
          resources: [A_PLUG],
          allowDispatch: true,
          paused: { until: local('2026-12-07T17:30') },
        },
      ];
      expect(spans(plan({ enrollments: paused }))).toEqual([[iso('2026-12-07T17:30'), iso('2026-12-07T18:00')]]);
      expect(onlyReason(plan({ optOuts: [{ eventId: 'event-1', sensorId: A_PLUG }] }))).toEqual([0, ['opted_out']]);
    });

    it('acts only inside time windows that may cross midnight, and only above a load', () => {
      const night = rule({ only: [{ kind: 'time_window', from: '17:30', to: '02:00', days: ['mon'] }] });
      expect(spans(plan({ rules: [night] }))).toEqual([[iso('2026-12-07T17:30'), iso('2026-12-07T18:00')]]);
      const sunday = rule({ only: [{ kind: 'time_window', from: '17:30', to: '02:00', days: ['sun'] }] });
      expect(onlyReason(plan({ rules: [sunday] }))).toEqual([0, ['condition_not_met']]);
      const heavy = rule({ only: [{ kind: 'load_above', sensorId: A_PLUG, watts: 2000 }] });
      expect(onlyReason(plan({ rules: [heavy] }))).toEqual([0, ['load_below_threshold']]);
    });

    it('ends a shed at the comfort deadline and counts sheds and minutes per local day', () => {
      const longEvent = [drEvent('2026-12-08T05:00', '2026-12-08T09:00')];
      const comfort = rule({ constraints: someConstraints({ mustBeOnBy: '07:00' }) });
      expect(spans(plan({ signals: longEvent, rules: [comfort] }))).toEqual([
        [iso('2026-12-08T05:00'), iso('2026-12-08T07:00')],
      ]);
      const twoEvents = [
        {
          programId: A_PROGRAM,
          segments: [
            aSegment('SIMPLE', local('2026-12-07T08:00'), local('2026-12-07T09:00'), 1, 'e-a'),
            aSegment('SIMPLE', local('2026-12-07T17:00'), local('2026-12-07T19:00'), 1, 'e-b'),
            aSegment('SIMPLE', local('2026-12-07T21:00'), local('2026-12-07T22:00'), 1, 'e-c'),
          ],
        },
      ];
      const capped = rule({ constraints: someConstraints({ maxOffMinutesPerDay: 120, maxShedsPerDay: 2 }) });
      const p = plan({ signals: twoEvents, rules: [capped] });
      expect(spans(p)).toEqual([
        [iso('2026-12-07T08:00'), iso('2026-12-07T09:00')],
        [iso('2026-12-07T17:00'), iso('2026-12-07T18:00')],
      ]);
      expect(reasons(p)).toEqual([
        ['daily_cap_reached', iso('2026-12-07T18:00'), iso('2026-12-07T19:00')],
        ['max_sheds_reached', iso('2026-12-07T21:00'), iso('2026-12-07T22:00')],
      ]);
    });
  });

  it('staggers restores deterministically per event and plug, within the spread', () => {
    const plugs = Array.from({ length: 20 }, (_, i) => `zigbee:0x${i}/1/switch`);
    const spread = rule({ then: [aSwitchOff({ resources: plugs, restoreSpreadSeconds: 600 })] });
    const input = aPlannerInput({
      signals: [drEvent('2026-12-07T17:00', '2026-12-07T18:00')],
      rules: [spread],
      enrollments: [{ programId: A_PROGRAM, resources: plugs, allowDispatch: true }],
      plugs: [],
    });
    const first = planHolds(input);
    const offsets = first.holds.map((h) => (Date.parse(h.restoreAt) - Date.parse(h.until)) / 1000);
    expect(offsets.every((s) => s >= 0 && s <= 600)).toBe(true);
    expect(new Set(offsets).size).toBeGreaterThan(10);
    expect(planHolds(input)).toEqual(first);
    expect(first.holds[0]!.hardUntil).toBe(new Date(local('2026-12-07T17:00') + 240 * 60_000).toISOString());
  });
});
