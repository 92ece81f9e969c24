import { compileEvent, type CompiledEvent } from './compile-event.js';
import type { OadrEventContent, OadrInterval } from './signal-content.js';
import { WEATHER_FORECAST_PAYLOAD_TYPE } from './signal-content.js';
import { SignalWindowRequiredError, UnknownTimeZoneError } from './signal-segments.errors.js';
import { BEGINNING_OF_TIME_MS } from './signal-time.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const price = (id: number, ...values: number[]): OadrInterval => ({ id, payloads: [{ type: 'PRICE', values }] });
const spans = (compiled: CompiledEvent, type = 'PRICE') =>
  compiled.segments
    .filter((s) => s.payloadType === type)
    .map((s) => [iso(s.start), iso(s.end), s.values.length === 1 ? s.values[0] : s.values]);
const event = (content: Partial<OadrEventContent>): OadrEventContent => ({ id: 'e1', programID: 'p1', ...content });
const codes = (compiled: CompiledEvent, kind: 'errors' | 'warnings' = 'warnings') => compiled[kind].map((i) => i.code);

describe('compileEvent', () => {
  describe('interval timing (UG §7.3, §7.4)', () => {
    it('places intervals without their own period one after another from the event default (openleadr-rs #55)', () => {
      const compiled = compileEvent(
        event({
          intervalPeriod: { start: '2026-06-01T00:00:00Z', duration: 'PT1H' },
          intervals: [price(0, 0.1), price(1, 0.2), price(2, 0.3)],
        }),
      );
      expect(compiled.status).toBe('scheduled');
      expect(spans(compiled)).toEqual([
        ['2026-06-01T00:00:00.000Z', '2026-06-01T01:00:00.000Z', 0.1],
        ['2026-06-01T01:00:00.000Z', '2026-06-01T02:00:00.000Z', 0.2],
        ['2026-06-01T02:00:00.000Z', '2026-06-01T03:00:00.000Z', 0.3],
      ]);
      expect(compiled.lifespan).toEqual({ start: at('2026-06-01T00:00:00Z'), end: at('2026-06-01T03:00:00Z') });
    });

    it("lets an interval's own duration override the default and moves the followers (UG example 7.4-1)", () => {
      const compiled = compileEvent(
        event({
          intervalPeriod: { start: '2023-02-10T00:00:00.000Z', duration: 'PT1H' },
          intervals: [price(0, 0.17), { ...price(1, 0.22), intervalPeriod: { duration: 'PT2H' } }, price(2, 0.05)],
        }),
      );
      expect(spans(compiled)).toEqual([
        ['2023-02-10T00:00:00.000Z', '2023-02-10T01:00:00.000Z', 0.17],
        ['2023-02-10T01:00:00.000Z', '2023-02-10T03:00:00.000Z', 0.22],
        ['2023-02-10T03:00:00.000Z', '2023-02-10T04:00:00.000Z', 0.05],
      ]);
    });

    it('takes an absolute start on an interval as it is, leaving a gap, and warns about overlaps', () => {
      const gap = compileEvent(
        event({
          intervalPeriod: { start: '2026-06-01T00:00:00Z', duration: 'PT1H' },
          intervals: [price(0, 1), { ...price(1, 2), intervalPeriod: { start: '2026-06-01T05:00:00Z' } }, price(2, 3)],
        }),
      );
      expect(spans(gap)).toEqual([
        ['2026-06-01T00:00:00.000Z', '2026-06-01T01:00:00.000Z', 1],
        ['2026-06-01T05:00:00.000Z', '2026-06-01T06:00:00.000Z', 2],
        ['2026-06-01T06:00:00.000Z', '2026-06-01T07:00:00.000Z', 3],
      ]);
      expect(gap.warnings).toEqual([]);
      const overlap = compileEvent(
        event({
          intervalPeriod: { start: '2026-06-01T00:00:00Z', duration: 'PT2H' },
          intervals: [price(0, 1), { ...price(7, 2), intervalPeriod: { start: '2026-06-01T01:00:00Z' } }],
        }),
      );
      expect(overlap.warnings).toEqual([expect.objectContaining({ code: 'OVERLAPPING_INTERVALS', intervalId: 7 })]);
    });

    it('needs a period on every interval when the event has none', () => {
      const compiled = compileEvent(
        event({
          intervals: [
            { ...price(0, 1), intervalPeriod: { start: '2026-06-01T00:00:00+02:00', duration: 'PT30M' } },
            { ...price(1, 2), intervalPeriod: { duration: 'PT30M' } },
          ],
        }),
      );
      expect(spans(compiled)).toEqual([
        ['2026-05-31T22:00:00.000Z', '2026-05-31T22:30:00.000Z', 1],
        ['2026-05-31T22:30:00.000Z', '2026-05-31T23:00:00.000Z', 2],
      ]);
      const noStart = compileEvent(event({ intervals: [{ ...price(0, 1), intervalPeriod: { duration: 'PT1H' } }] }));
      expect(noStart.status).toBe('invalid');
      expect(codes(noStart, 'errors')).toEqual(['NO_START']);
    });

    it('reports durations and starts it cannot read instead of guessing', () => {
      const compiled = compileEvent(
        event({
          intervalPeriod: { start: 'yesterday', duration: 'PT1X' },
          intervals: [{ ...price(3, 1), intervalPeriod: { duration: '-PT1H' } }],
        }),
      );
      expect(compiled.status).toBe('invalid');
      expect(compiled.segments).toEqual([]);
      expect(codes(compiled, 'errors')).toEqual(['INVALID_START', 'INVALID_DURATION', 'NEGATIVE_DURATION']);
    });

    it('keeps an event without intervals (report-only) apart from a scheduled one', () => {
      const compiled = compileEvent(event({ intervalPeriod: { start: '2026-06-01T00:00:00Z', duration: 'PT1H' } }));
      expect(compiled.status).toBe('without_intervals');
      expect(compiled.segments).toEqual([]);
    });
  });

  describe('multi-valued payloads (UG §7.3, example 7.3-1)', () => {
    it('splits PT3H with three PRICE values into three one-hour segments', () => {
      const compiled = compileEvent(
        event({
          payloadDescriptors: [{ payloadType: 'PRICE', units: 'KWH', currency: 'USD' }],
          intervals: [
            {
              id: 0,
              intervalPeriod: { start: '2025-06-25T00:00:00.000Z', duration: 'PT3H' },
              payloads: [{ type: 'PRICE', values: [0.17, 0.03, 0.11] }],
            },
          ],
        }),
      );
      expect(spans(compiled)).toEqual([
        ['2025-06-25T00:00:00.000Z', '2025-06-25T01:00:00.000Z', 0.17],
        ['2025-06-25T01:00:00.000Z', '2025-06-25T02:00:00.000Z', 0.03],
        ['2025-06-25T02:00:00.000Z', '2025-06-25T03:00:00.000Z', 0.11],
      ]);
      expect(compiled.segments[0]).toMatchObject({ units: 'KWH', currency: 'USD', eventId: 'e1', intervalId: 0 });
    });

    it('splits four values over PT1H into quarter-hours, and keeps non-unitary values together', () => {
      const compiled = compileEvent(
        event({
          intervalPeriod: { start: '2026-06-01T12:00:00Z', duration: 'PT1H' },
          intervals: [
            {
              id: 0,
              payloads: [
                { type: 'GHG', values: [400, 380, 390, 410] },
                { type: 'ALERT_FLEX_ALERT', values: ['Conserve energy', 'Pre-cool now'] },
              ],
            },
          ],
        }),
      );
      expect(spans(compiled, 'GHG').map(([start, , value]) => [start, value])).toEqual([
        ['2026-06-01T12:00:00.000Z', 400],
        ['2026-06-01T12:15:00.000Z', 380],
        ['2026-06-01T12:30:00.000Z', 390],
        ['2026-06-01T12:45:00.000Z', 410],
      ]);
      expect(spans(compiled, 'ALERT_FLEX_ALERT')).toEqual([
        ['2026-06-01T12:00:00.000Z', '2026-06-01T13:00:00.000Z', ['Conserve energy', 'Pre-cool now']],
      ]);
    });

    it('compiles SIMPLE levels and the private weather forecast type like prices', () => {
      const compiled = compileEvent(
        event({
          payloadDescriptors: [{ payloadType: WEATHER_FORECAST_PAYLOAD_TYPE, units: 'CELSIUS' }],
          intervalPeriod: { start: '2026-01-10T00:00:00Z', duration: 'PT2H' },
          intervals: [
            { id: 0, payloads: [{ type: WEATHER_FORECAST_PAYLOAD_TYPE, values: [-3.5, -4] }] },
            { id: 1, payloads: [{ type: 'SIMPLE', values: [2] }] },
          ],
        }),
      );
      expect(spans(compiled, WEATHER_FORECAST_PAYLOAD_TYPE)).toEqual([
        ['2026-01-10T00:00:00.000Z', '2026-01-10T01:00:00.000Z', -3.5],
        ['2026-01-10T01:00:00.000Z', '2026-01-10T02:00:00.000Z', -4],
      ]);
      expect(compiled.segments.find((s) => s.payloadType === WEATHER_FORECAST_PAYLOAD_TYPE)?.units).toBe('CELSIUS');
      expect(spans(compiled, 'SIMPLE')).toEqual([['2026-01-10T02:00:00.000Z', '2026-01-10T04:00:00.000Z', 2]]);
    });
  });

  describe('the beginning of time, infinity and withdrawal (UG §7.3, §7.9)', () => {
    it("compiles '0001-01-01' + P9999Y as a 'do it now' signal that never ends", () => {
      for (const start of ['0001-01-01', '0001-01-01T00:00:00', '0001-01-01T00:00:00Z']) {
        const compiled = compileEvent(
          event({
            intervalPeriod: { start, duration: 'P9999Y' },
            intervals: [{ id: 0, payloads: [{ type: 'ALERT_GRID_EMERGENCY', values: ['Shed load now'] }] }],
          }),
        );
        expect(compiled.status).toBe('scheduled');
        expect(compiled.segments).toEqual([
          expect.objectContaining({ start: BEGINNING_OF_TIME_MS, end: null, values: ['Shed load now'] }),
        ]);
        expect(compiled.lifespan).toEqual({ start: BEGINNING_OF_TIME_MS, end: null });
      }
    });

    it("treats a first interval's '0001-01-01' as the event's start, and a later one as 'follow the previous'", () => {
      const compiled = compileEvent(
        event({
          intervalPeriod: { start: '2026-06-01T00:00:00Z', duration: 'PT1H' },
          intervals: [
            { ...price(0, 1), intervalPeriod: { start: '0001-01-01' } },
            { ...price(1, 2), intervalPeriod: { start: '0001-01-01T00:00:00' } },
          ],
        }),
      );
      expect(spans(compiled)).toEqual([
        ['2026-06-01T00:00:00.000Z', '2026-06-01T01:00:00.000Z', 1],
        ['2026-06-01T01:00:00.000Z', '2026-06-01T02:00:00.000Z', 2],
      ]);
    });

    it("reads '0001-01-01' + PT0S as withdrawn, with no segments", () => {
      const byPeriod = compileEvent(
        event({ intervalPeriod: { start: '0001-01-01', duration: 'PT0S' }, intervals: [price(0, 0.4)] }),
      );
      expect(byPeriod.status).toBe('withdrawn');
      expect(byPeriod.segments).toEqual([]);
      const byEventDuration = compileEvent(
        event({
          duration: 'PT0S',
          intervalPeriod: { start: '0001-01-01T00:00:00' },
          intervals: [{ ...price(0, 0.4), intervalPeriod: { duration: 'PT1H' } }],
        }),
      );
      expect(byEventDuration.status).toBe('withdrawn');
    });

    it('does not split packed values over an open-ended interval, and says so', () => {
      const compiled = compileEvent(
        event({ intervalPeriod: { start: '2026-06-01T00:00:00Z', duration: 'P9999Y' }, intervals: [price(0, 1, 2)] }),
      );
      expect(spans(compiled)).toEqual([['2026-06-01T00:00:00.000Z', null, [1, 2]]]);
      expect(codes(compiled)).toEqual(['MULTI_VALUE_OPEN_ENDED']);
    });
  });

  describe('event.duration (UG §7.3)', () => {
    const dayAhead = (duration: string) =>
      event({
        duration,
        intervalPeriod: { start: '2026-06-01T00:00:00Z', duration: 'PT1H' },
        intervals: Array.from({ length: 24 }, (_, h) => price(h, h / 100)),
      });

    it('repeats 24 hourly prices for a week under P7D', () => {
      const compiled = compileEvent(dayAhead('P7D'));
      expect(compiled.segments).toHaveLength(7 * 24);
      expect(compiled.lifespan).toEqual({ start: at('2026-06-01T00:00:00Z'), end: at('2026-06-08T00:00:00Z') });
      expect(spans(compiled)[24 * 6 + 5]).toEqual(['2026-06-07T05:00:00.000Z', '2026-06-07T06:00:00.000Z', 0.05]);
    });

    it('drops the last 12 intervals under PT12H, and cuts an interval the duration ends inside', () => {
      // UG §7.3 writes "P12H", which the spec's own duration pattern (and ISO 8601) refuses: hours need the T.
      expect(compileEvent(dayAhead('P12H')).status).toBe('invalid');
      expect(spans(compileEvent(dayAhead('PT12H'))).at(-1)).toEqual([
        '2026-06-01T11:00:00.000Z',
        '2026-06-01T12:00:00.000Z',
        0.11,
      ]);
      expect(compileEvent(dayAhead('PT12H')).segments).toHaveLength(12);
      expect(spans(compileEvent(dayAhead('PT90M')))).toEqual([
        ['2026-06-01T00:00:00.000Z', '2026-06-01T01:00:00.000Z', 0],
        ['2026-06-01T01:00:00.000Z', '2026-06-01T01:30:00.000Z', 0.01],
      ]);
    });

    it('splits packed values over the whole interval before the duration cuts them', () => {
      const compiled = compileEvent(
        event({
          duration: 'PT90M',
          intervalPeriod: { start: '2026-06-01T00:00:00Z', duration: 'PT3H' },
          intervals: [price(0, 0.17, 0.03, 0.11)],
        }),
      );
      expect(spans(compiled)).toEqual([
        ['2026-06-01T00:00:00.000Z', '2026-06-01T01:00:00.000Z', 0.17],
        ['2026-06-01T01:00:00.000Z', '2026-06-01T01:30:00.000Z', 0.03],
      ]);
    });

    it('expands P9999Y repetition only inside the window it is asked for, and refuses without one', () => {
      expect(() => compileEvent(dayAhead('P9999Y'))).toThrow(SignalWindowRequiredError);
      const compiled = compileEvent(dayAhead('P9999Y'), {
        window: { from: at('2031-03-10T10:30:00Z'), to: at('2031-03-10T13:00:00Z') },
      });
      expect(spans(compiled)).toEqual([
        ['2031-03-10T10:00:00.000Z', '2031-03-10T11:00:00.000Z', 0.1],
        ['2031-03-10T11:00:00.000Z', '2031-03-10T12:00:00.000Z', 0.11],
        ['2031-03-10T12:00:00.000Z', '2031-03-10T13:00:00.000Z', 0.12],
      ]);
      expect(compiled.lifespan).toEqual({ start: at('2026-06-01T00:00:00Z'), end: null });
    });

    it('walks a standing daily tariff written in P1D to a window two years on, at local midnight', () => {
      const compiled = compileEvent(
        event({
          duration: 'P9999Y',
          intervalPeriod: { start: '2026-01-01T00:00:00+01:00', duration: 'P1D' },
          intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: [0.1, 0.3] }] }],
        }),
        {
          timeZone: 'Europe/Amsterdam',
          window: { from: at('2028-07-01T00:00:00+02:00'), to: at('2028-07-02T00:00:00+02:00') },
        },
      );
      expect(spans(compiled)).toEqual([
        ['2028-06-30T22:00:00.000Z', '2028-07-01T10:00:00.000Z', 0.1],
        ['2028-07-01T10:00:00.000Z', '2028-07-01T22:00:00.000Z', 0.3],
      ]);
    });

    it('repeats a day written as P1D on the local wall clock across a DST change', () => {
      const compiled = compileEvent(
        event({
          duration: 'P3D',
          intervalPeriod: { start: '2026-03-28T00:00:00+01:00', duration: 'P1D' },
          intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: [0.1, 0.2] }] }],
        }),
        { timeZone: 'Europe/Amsterdam' },
      );
      expect(compiled.segments.map((s) => iso(s.start))).toEqual([
        '2026-03-27T23:00:00.000Z',
        '2026-03-28T11:00:00.000Z',
        '2026-03-28T23:00:00.000Z',
        '2026-03-29T10:30:00.000Z', // the 23-hour day: halves of 11.5 h
        '2026-03-29T22:00:00.000Z',
        '2026-03-30T10:00:00.000Z',
      ]);
      expect(compiled.lifespan?.end).toBe(at('2026-03-31T00:00:00+02:00'));
    });
  });

  describe('durations in months and across DST', () => {
    it('adds P1M from 31 January at the interval start, ending on the last day of February', () => {
      const compiled = compileEvent(
        event({
          intervalPeriod: { start: '2026-01-31T00:00:00Z', duration: 'P1M' },
          intervals: [price(0, 1), price(1, 2)],
        }),
      );
      expect(spans(compiled)).toEqual([
        ['2026-01-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z', 1],
        ['2026-02-28T00:00:00.000Z', '2026-03-28T00:00:00.000Z', 2],
      ]);
      const leap = compileEvent(
        event({ intervalPeriod: { start: '2028-01-31T00:00:00Z', duration: 'P1M' }, intervals: [price(0, 1)] }),
      );
      expect(iso(leap.segments[0]!.end)).toBe('2028-02-29T00:00:00.000Z');
    });

    it('keeps hours exact and moves days on the wall clock of the given zone', () => {
      const start = '2026-10-24T12:00:00+02:00';
      const hours = compileEvent(event({ intervalPeriod: { start, duration: 'PT48H' }, intervals: [price(0, 1)] }), {
        timeZone: 'Europe/Amsterdam',
      });
      expect(iso(hours.segments[0]!.end)).toBe('2026-10-26T10:00:00.000Z');
      const days = compileEvent(event({ intervalPeriod: { start, duration: 'P2D' }, intervals: [price(0, 1)] }), {
        timeZone: 'Europe/Amsterdam',
      });
      expect(iso(days.segments[0]!.end)).toBe('2026-10-26T11:00:00.000Z'); // 12:00 local, now +01:00
      const utc = compileEvent(event({ intervalPeriod: { start, duration: 'P2D' }, intervals: [price(0, 1)] }));
      expect(iso(utc.segments[0]!.end)).toBe('2026-10-26T10:00:00.000Z');
    });

    it('refuses a time zone the database does not know', () => {
      expect(() => compileEvent(event({}), { timeZone: 'Mars/Olympus_Mons' })).toThrow(UnknownTimeZoneError);
    });
  });

  describe('DST days in Europe/Amsterdam', () => {
    const quarterHours = (start: string, count: number) =>
      event({
        intervalPeriod: { start, duration: 'PT15M' },
        intervals: Array.from({ length: count }, (_, i) => price(i, i)),
      });

    it('spring forward 2026-03-29 has 23 hours: 92 quarter-hours from local midnight to local midnight', () => {
      const compiled = compileEvent(quarterHours('2026-03-29T00:00:00+01:00', 92), { timeZone: 'Europe/Amsterdam' });
      expect(compiled.segments).toHaveLength(92);
      expect(iso(compiled.segments[0]!.start)).toBe('2026-03-28T23:00:00.000Z');
      expect(iso(compiled.segments[8]!.start)).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST: 02:00 never happens
      expect(compiled.lifespan?.end).toBe(at('2026-03-30T00:00:00+02:00'));
      expect(compiled.warnings).toEqual([]);
    });

    it('fall back 2025-10-26 has 25 hours: 100 quarter-hours from local midnight to local midnight', () => {
      const compiled = compileEvent(quarterHours('2025-10-26T00:00:00+02:00', 100), { timeZone: 'Europe/Amsterdam' });
      expect(compiled.segments).toHaveLength(100);
      expect(iso(compiled.segments[8]!.start)).toBe('2025-10-26T00:00:00.000Z'); // 02:00 CEST
      expect(iso(compiled.segments[12]!.start)).toBe('2025-10-26T01:00:00.000Z'); // 02:00 CET, the hour again
      expect(compiled.lifespan?.end).toBe(at('2025-10-27T00:00:00+01:00'));
      expect(compiled.warnings).toEqual([]);
    });

    it('splits one P1D interval of 92 or 100 packed values into exact quarter-hours', () => {
      const packed = (start: string, count: number) =>
        compileEvent(
          event({
            intervalPeriod: { start, duration: 'P1D' },
            intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: Array.from({ length: count }, (_, i) => i) }] }],
          }),
          { timeZone: 'Europe/Amsterdam' },
        );
      for (const compiled of [packed('2026-03-29T00:00:00+01:00', 92), packed('2025-10-26T00:00:00+02:00', 100)]) {
        expect(compiled.segments.every((s) => s.end! - s.start === 15 * 60_000)).toBe(true);
        expect(compiled.warnings).toEqual([]);
      }
    });

    it('warns about a day-ahead set of 24 values on a 25-hour day instead of shifting it silently', () => {
      const packed = compileEvent(
        event({
          intervalPeriod: { start: '2025-10-26T00:00:00+02:00', duration: 'P1D' },
          intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: Array.from({ length: 24 }, (_, i) => i) }] }],
        }),
        { timeZone: 'Europe/Amsterdam' },
      );
      expect(codes(packed)).toEqual(['UNEVEN_SUB_INTERVALS']);
      const hourly = compileEvent(
        event({
          intervalPeriod: { start: '2025-10-26T00:00:00+02:00', duration: 'PT1H' },
          intervals: Array.from({ length: 24 }, (_, h) => price(h, h)),
        }),
        { timeZone: 'Europe/Amsterdam' },
      );
      expect(codes(hourly)).toEqual(['LOCAL_DAY_LENGTH']);
      expect(hourly.segments).toHaveLength(24);
    });
  });

  describe('randomizeStart (UG §7.3)', () => {
    const randomized = (seed: string | undefined, extra: OadrInterval[] = []) =>
      compileEvent(
        event({
          intervalPeriod: { start: '2026-06-01T17:00:00Z', duration: 'PT1H', randomizeStart: 'PT10M' },
          intervals: [price(0, 1), price(1, 2), ...extra],
        }),
        seed === undefined ? {} : { randomizeSeed: seed },
      );

    it('applies no shift without a seed', () => {
      expect(randomized(undefined).segments[0]!.start).toBe(at('2026-06-01T17:00:00Z'));
    });

    it('shifts the first start within ±10 minutes, the same for the same seed, and the followers by as much', () => {
      const shifts = ['resource-a', 'resource-b', 'resource-c', 'resource-d'].map((seed) => {
        const compiled = randomized(seed);
        const shift = compiled.segments[0]!.start - at('2026-06-01T17:00:00Z');
        expect(Math.abs(shift)).toBeLessThanOrEqual(10 * 60_000);
        expect(compiled.segments[1]!.start - at('2026-06-01T18:00:00Z')).toBe(shift);
        expect(compiled.segments[1]!.end! - compiled.segments[1]!.start).toBe(3_600_000);
        expect(randomized(seed).segments).toEqual(compiled.segments);
        return shift;
      });
      expect(new Set(shifts).size).toBe(shifts.length);
    });

    it('moves an absolute start by the same amount, unless it has its own randomizeStart', () => {
      const compiled = randomized('resource-a', [
        { ...price(2, 3), intervalPeriod: { start: '2026-06-01T21:00:00Z' } },
        { ...price(3, 4), intervalPeriod: { start: '2026-06-01T23:00:00Z', randomizeStart: 'PT1M' } },
        price(4, 5),
      ]);
      const shift = compiled.segments[0]!.start - at('2026-06-01T17:00:00Z');
      expect(compiled.segments[2]!.start - at('2026-06-01T21:00:00Z')).toBe(shift);
      const own = compiled.segments[3]!.start - at('2026-06-01T23:00:00Z');
      expect(Math.abs(own)).toBeLessThanOrEqual(60_000);
      expect(compiled.segments[4]!.start).toBe(compiled.segments[3]!.end);
    });
  });

  it('never clamps negative or zero prices', () => {
    const compiled = compileEvent(
      event({
        intervalPeriod: { start: '2026-05-10T11:00:00Z', duration: 'PT15M' },
        intervals: [price(0, -0.25), price(1, 0), price(2, -0.0001)],
      }),
    );
    expect(compiled.segments.map((s) => s.values[0])).toEqual([-0.25, 0, -0.0001]);
  });

  it('keeps only segments overlapping the window, without cutting them', () => {
    const compiled = compileEvent(
      event({
        intervalPeriod: { start: '2026-06-01T00:00:00Z', duration: 'PT1H' },
        intervals: [price(0, 1), price(1, 2), price(2, 3)],
      }),
      { window: { from: at('2026-06-01T01:30:00Z'), to: at('2026-06-01T02:00:00Z') } },
    );
    expect(spans(compiled)).toEqual([['2026-06-01T01:00:00.000Z', '2026-06-01T02:00:00.000Z', 2]]);
  });
});
