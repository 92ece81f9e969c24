import { InvalidMarketInputError } from './market.errors.js';
import { localIso, ownerSegments, ownerWindow } from './owner-signals.js';

const participant = {
  venId: 'v-1',
  venName: 'site-1',
  venTargets: [],
  resources: [{ resourceName: 'plug-1', targets: [] }],
};

describe('owner signals', () => {
  it("shows instants on the owner's wall clock, both DST days included", () => {
    expect(localIso(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Amsterdam')).toBe('2026-03-29T03:00:00+02:00');
    expect(localIso(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Amsterdam')).toBe('2026-10-25T02:00:00+01:00');
    expect(localIso(Date.parse('2026-10-25T00:00:00Z'), 'Europe/Amsterdam')).toBe('2026-10-25T02:00:00+02:00');
  });

  it('refuses reversed, too long or unreadable ranges and unknown zones', () => {
    expect(() => ownerWindow('2026-12-08T00:00:00Z', '2026-12-07T00:00:00Z', 'UTC')).toThrow(InvalidMarketInputError);
    expect(() => ownerWindow('2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z', 'UTC')).toThrow(/31 days/);
    expect(() => ownerWindow('yesterday', '2026-03-01T00:00:00Z', 'UTC')).toThrow(/from/);
    expect(() => ownerWindow('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 'Mars/Olympus')).toThrow(/timeZone/);
  });

  it('compiles the events that concern the participant into clipped local segments with their kind; negative prices stay', () => {
    const window = ownerWindow('2026-12-08T00:00:00+01:00', '2026-12-08T02:00:00+01:00', 'Europe/Amsterdam');
    const segments = ownerSegments(
      {
        programId: 'p-1',
        participant,
        events: [
          {
            id: 'e-1',
            intervalPeriod: { start: '2026-12-07T22:00:00Z', duration: 'PT1H' },
            payloadDescriptors: [{ payloadType: 'PRICE', units: 'KWH', currency: 'EUR' }],
            intervals: [
              { id: 0, payloads: [{ type: 'PRICE', values: [0.3] }] },
              { id: 1, payloads: [{ type: 'PRICE', values: [-0.05] }] },
              { id: 2, payloads: [{ type: 'PRICE', values: [0.1] }] },
            ],
          },
          {
            id: 'e-2',
            targets: ['group:south'],
            intervalPeriod: { start: '2026-12-07T23:00:00Z', duration: 'PT1H' },
            intervals: [{ id: 0, payloads: [{ type: 'SIMPLE', values: [2] }] }],
          },
        ],
      },
      window,
      'Europe/Amsterdam',
    );
    expect(segments.map((s) => [s.kind, s.start, s.end, s.values, s.currency])).toEqual([
      ['price', '2026-12-08T00:00:00+01:00', '2026-12-08T01:00:00+01:00', [-0.05], 'EUR'],
      ['price', '2026-12-08T01:00:00+01:00', '2026-12-08T02:00:00+01:00', [0.1], 'EUR'],
    ]);
  });
});
