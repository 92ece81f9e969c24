import { compileEvent } from './compile-event.js';
import { mergeTimelines, signalTimeline } from './merge-timelines.js';
import type { OadrEventContent } from './signal-content.js';
import { segmentAt } from './signal-segment.js';

const at = (iso: string): number => Date.parse(iso);
const hhmm = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().slice(11, 16));

const signal = (
  id: string,
  type: string,
  start: string,
  duration: string,
  values: (number | string)[],
  extra: Partial<OadrEventContent> = {},
): OadrEventContent => ({
  id,
  programID: 'p1',
  intervalPeriod: { start, duration },
  intervals: [{ id: 0, payloads: [{ type, values }] }],
  ...extra,
});

const merged = (...events: OadrEventContent[]) => mergeTimelines(events.map((e) => compileEvent(e)));
const table = (timeline: ReturnType<typeof mergeTimelines>, type = 'PRICE') =>
  timeline.segments
    .filter((s) => s.payloadType === type)
    .map((s) => [hhmm(s.start), hhmm(s.end), s.eventId, s.values[0]]);

describe('mergeTimelines', () => {
  it('lets priority 0 beat priority 1 and cuts the lower one around it', () => {
    const timeline = merged(
      signal('tariff', 'PRICE', '2026-06-01T00:00:00Z', 'PT24H', [0.2], { priority: 1 }),
      signal('peak', 'PRICE', '2026-06-01T17:00:00Z', 'PT3H', [0.9], { priority: 0 }),
    );
    expect(table(timeline)).toEqual([
      ['00:00', '17:00', 'tariff', 0.2],
      ['17:00', '20:00', 'peak', 0.9],
      ['20:00', '00:00', 'tariff', 0.2],
    ]);
    expect(timeline.conflicts).toEqual([]);
  });

  it('ranks an event without priority below every numbered one', () => {
    const timeline = merged(
      signal('unranked', 'PRICE', '2026-06-01T10:00:00Z', 'PT2H', [0.5]),
      signal('ranked', 'PRICE', '2026-06-01T11:00:00Z', 'PT2H', [0.3], { priority: 7 }),
    );
    expect(table(timeline)).toEqual([
      ['10:00', '11:00', 'unranked', 0.5],
      ['11:00', '13:00', 'ranked', 0.3],
    ]);
  });

  it('breaks a tie of equal priority by the later revision, deterministically, and reports the conflict', () => {
    const older = signal('a-older', 'PRICE', '2026-06-01T10:00:00Z', 'PT2H', [0.5], {
      priority: 1,
      modificationDateTime: '2026-05-31T08:00:00Z',
    });
    const newer = signal('z-newer', 'PRICE', '2026-06-01T11:00:00Z', 'PT2H', [0.3], {
      priority: 1,
      modificationDateTime: '2026-05-31T09:00:00Z',
    });
    for (const timeline of [merged(older, newer), merged(newer, older)]) {
      expect(table(timeline)).toEqual([
        ['10:00', '11:00', 'a-older', 0.5],
        ['11:00', '13:00', 'z-newer', 0.3],
      ]);
      expect(timeline.conflicts).toEqual([
        {
          payloadType: 'PRICE',
          start: at('2026-06-01T11:00:00Z'),
          end: at('2026-06-01T12:00:00Z'),
          eventIds: ['z-newer', 'a-older'],
        },
      ]);
    }
  });

  it('never lets a price conflict with an export price, an alert or a GHG value', () => {
    const timeline = merged(
      signal('price', 'PRICE', '2026-06-01T10:00:00Z', 'PT2H', [0.5], { priority: 5 }),
      signal('feed-in', 'EXPORT_PRICE', '2026-06-01T10:00:00Z', 'PT2H', [-0.02], { priority: 0 }),
      signal('alert', 'ALERT_GRID_EMERGENCY', '2026-06-01T10:30:00Z', 'PT1H', ['Shed load'], { priority: 0 }),
      signal('ghg', 'GHG', '2026-06-01T10:00:00Z', 'PT1H', [420], { priority: 0 }),
    );
    expect(table(timeline)).toEqual([['10:00', '12:00', 'price', 0.5]]);
    expect(table(timeline, 'ALERT_GRID_EMERGENCY')).toEqual([['10:30', '11:30', 'alert', 'Shed load']]);
    expect(table(timeline, 'GHG')).toEqual([['10:00', '11:00', 'ghg', 420]]);
    expect(table(timeline, 'EXPORT_PRICE')).toEqual([['10:00', '12:00', 'feed-in', -0.02]]);
    expect(timeline.conflicts).toEqual([]);
  });

  it('keeps an open-ended lower-priority signal after a higher one ends, and leaves out withdrawn events', () => {
    const withdrawn: OadrEventContent = {
      id: 'cancelled',
      programID: 'p1',
      priority: 0,
      intervalPeriod: { start: '0001-01-01', duration: 'PT0S' },
      intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: [9] }] }],
    };
    const timeline = merged(
      signal('standing', 'PRICE', '2026-06-01T00:00:00Z', 'P9999Y', [0.25], { priority: 2 }),
      signal('spike', 'PRICE', '2026-06-01T18:00:00Z', 'PT1H', [-0.1], { priority: 1 }),
      withdrawn,
    );
    expect(table(timeline)).toEqual([
      ['00:00', '18:00', 'standing', 0.25],
      ['18:00', '19:00', 'spike', -0.1],
      ['19:00', null, 'standing', 0.25],
    ]);
  });

  it('keeps consecutive segments of one event apart (each carries its interval id)', () => {
    const timeline = merged({
      id: 'day',
      programID: 'p1',
      intervalPeriod: { start: '2026-06-01T00:00:00Z', duration: 'PT1H' },
      intervals: [0, 1, 2].map((id) => ({ id, payloads: [{ type: 'PRICE', values: [0.1] }] })),
    });
    expect(timeline.segments.map((s) => s.intervalId)).toEqual([0, 1, 2]);
  });

  it('compiles and merges in one call, in the owner time zone, keeping each compiled event', () => {
    const timeline = signalTimeline(
      [
        signal('day', 'PRICE', '2026-03-29T00:00:00+01:00', 'P1D', [0.2], { priority: 1 }),
        signal('evening', 'PRICE', '2026-03-29T18:00:00+02:00', 'PT2H', [0.6], { priority: 0 }),
      ],
      { timeZone: 'Europe/Amsterdam' },
    );
    expect(table(timeline)).toEqual([
      ['23:00', '16:00', 'day', 0.2],
      ['16:00', '18:00', 'evening', 0.6],
      ['18:00', '22:00', 'day', 0.2],
    ]);
    expect(timeline.compiled.map((c) => c.status)).toEqual(['scheduled', 'scheduled']);
    expect(segmentAt(timeline.segments, 'PRICE', at('2026-03-29T19:59:59+02:00'))?.values).toEqual([0.6]);
    expect(segmentAt(timeline.segments, 'PRICE', at('2026-03-29T20:00:00+02:00'))?.values).toEqual([0.2]);
    expect(segmentAt(timeline.segments, 'PRICE', at('2026-03-30T00:00:00+02:00'))).toBeNull();
    expect(segmentAt(timeline.segments, 'GHG', at('2026-03-29T12:00:00+02:00'))).toBeNull();
  });
});
