import { aPlannerInput, aSegment, priceSlots } from '#test/builders/automation.js';
import { triggerNeeds } from './trigger-needs.js';

const H = 3_600_000;
const at = Date.parse('2026-12-07T00:00:00Z');
const interval = { from: at, to: at + 6 * H };
const spansOf = (needs: ReturnType<typeof triggerNeeds>['needs']) =>
  needs.map((n) => [n.episode, n.spans.map((s) => [(s.from - at) / H, (s.to - at) / H])]);

describe('trigger needs', () => {
  it('a GHG threshold acts while the intensity is past it', () => {
    const signals = [{ programId: 'co2', segments: priceSlots(at, 60, [300, 450, 500, 200], 'GHG') }];
    const { needs } = triggerNeeds(
      [{ kind: 'ghg', op: '>', threshold: 400 }],
      aPlannerInput({ signals, interval }),
      'UTC',
    );
    expect(spansOf(needs)).toEqual([['rule@2026-12-07T01:00:00.000Z', [[1, 3]]]]);
  });

  it('an alert acts for its event, of any program, and only for the types named', () => {
    const signals = [
      { programId: 'grid', segments: [aSegment('ALERT_GRID_EMERGENCY', at + H, at + 2 * H, 1, 'alert-1')] },
      { programId: 'weather', segments: [aSegment('ALERT_FREEZING', at + 3 * H, null, 1, 'alert-2')] },
    ];
    const input = aPlannerInput({ signals, interval });
    expect(spansOf(triggerNeeds([{ kind: 'alert', types: ['ALERT_GRID_EMERGENCY'] }], input, 'UTC').needs)).toEqual([
      ['alert-1', [[1, 2]]],
    ]);
    expect(spansOf(triggerNeeds([{ kind: 'alert', types: ['ALERT_FREEZING'] }], input, 'UTC').needs)).toEqual([
      ['alert-2', [[3, 6]]],
    ]);
  });

  it("an alarm acts while one of the owner's alarms of that kind is open, on the nodes named", () => {
    const alarms = [
      { nodeId: 'n-1', kind: 'power_above', raisedAt: at + H, clearedAt: at + 2 * H },
      { nodeId: 'n-2', kind: 'power_above', raisedAt: at + 4 * H, clearedAt: null },
      { nodeId: 'n-1', kind: 'voltage_band', raisedAt: at, clearedAt: at + 5 * H },
    ];
    const input = aPlannerInput({ alarms, interval });
    const needs = triggerNeeds([{ kind: 'alarm', alarmKinds: ['power_above'] }], input, 'UTC').needs;
    expect(spansOf(needs).map(([, spans]) => spans)).toEqual([[[1, 2]], [[4, 6]]]);
    const onN1 = triggerNeeds([{ kind: 'alarm', alarmKinds: ['power_above'], nodeIds: ['n-1'] }], input, 'UTC').needs;
    expect(spansOf(onN1).map(([, spans]) => spans)).toEqual([[[1, 2]]]);
  });

  it('a reading acts once past the threshold for the duration, until a reading that is not', () => {
    const samples = [0, 1, 2, 3, 4].map((h, i) => ({ at: at + h * H, value: [100, 2500, 2600, 900, 2400][i]! }));
    const input = aPlannerInput({ readings: [{ sensorId: 's-1', samples }], interval });
    const trigger = { kind: 'reading' as const, sensorId: 's-1', op: '>' as const, threshold: 2000, forSeconds: 1800 };
    expect(spansOf(triggerNeeds([trigger], input, 'UTC').needs).map(([, spans]) => spans)).toEqual([
      [[1.5, 3]],
      [[4.5, 6]],
    ]);
  });

  it('a cheapest-slots window without every price is stale, not guessed', () => {
    const signals = [{ programId: 'tariff', segments: priceSlots(at, 60, [0.3, 0.1, 0.2]) }];
    const trigger = {
      kind: 'price_rank' as const,
      pick: 'cheapest' as const,
      slots: 1,
      window: { from: '00:00', to: '06:00' },
    };
    const result = triggerNeeds([trigger], aPlannerInput({ signals, interval }), 'UTC');
    expect(result.needs).toEqual([]);
    expect(result.stale).toEqual([interval]);
  });
});
