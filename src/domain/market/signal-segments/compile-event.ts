import {
  isUnitaryPayloadType,
  type OadrEventContent,
  type OadrInterval,
  type OadrIntervalPeriod,
  type OadrValuesMap,
} from './signal-content.js';
import { overlapsWindow, type SignalSegment, type TimeWindow } from './signal-segment.js';
import { SignalWindowRequiredError, UnknownTimeZoneError } from './signal-segments.errors.js';
import {
  addDuration,
  assertTimeZone,
  BEGINNING_OF_TIME_MS,
  isBeginningOfTime,
  isLocalMidnight,
  parseDuration,
  parseInstant,
  type SignalDuration,
} from './signal-time.js';
import { seededRandom, symmetricOffset } from './seeded-random.js';

export interface CompileEventOptions {
  /**
   * IANA zone whose wall clock the calendar parts of durations (Y, M, W, D) follow: P1D from local midnight ends at
   * the next local midnight, 23 h or 25 h later on DST days. Time parts (H, M, S) are exact. Default `UTC`.
   */
  readonly timeZone?: string;
  /** Keep only segments that overlap this window; required for an event that repeats forever. */
  readonly window?: TimeWindow;
  /**
   * Seed for `randomizeStart` (e.g. resource id + event id). Without one no shift is applied: the timeline is the
   * one the utility wrote.
   */
  readonly randomizeSeed?: string;
}

export type CompiledEventStatus = 'scheduled' | 'withdrawn' | 'without_intervals' | 'invalid';

export type SignalIssueCode =
  | 'INVALID_DURATION'
  | 'NEGATIVE_DURATION'
  | 'INVALID_START'
  | 'NO_START'
  | 'MISSING_DURATION'
  | 'FOLLOWS_OPEN_ENDED'
  | 'EMPTY_VALUES'
  | 'MULTI_VALUE_OPEN_ENDED'
  | 'UNEVEN_SUB_INTERVALS'
  | 'LOCAL_DAY_LENGTH'
  | 'OVERLAPPING_INTERVALS'
  | 'RANDOMIZE_IGNORED'
  | 'TOO_MANY_REPETITIONS';

export interface SignalIssue {
  readonly code: SignalIssueCode;
  readonly message: string;
  readonly intervalId?: number;
}

export interface CompiledEvent {
  readonly eventId: string | null;
  readonly status: CompiledEventStatus;
  readonly priority: number | null;
  /** Epoch ms of `modificationDateTime`, for ties between events of equal priority. */
  readonly modifiedAt: number | null;
  /** First start to last end of the (repeated or truncated) intervals; null when nothing is scheduled. */
  readonly lifespan: { readonly start: number; readonly end: number | null } | null;
  readonly segments: readonly SignalSegment[];
  /** Content the compiler could not place (status `invalid`). */
  readonly errors: readonly SignalIssue[];
  /** Content that was placed, but probably not as its author meant. */
  readonly warnings: readonly SignalIssue[];
}

/** Upper bound on interval placements per compile, so a looping tariff and a far window cannot run away. */
const MAX_OCCURRENCES = 200_000;

interface PlacedInterval {
  readonly index: number;
  readonly interval: OadrInterval;
  readonly start: number;
  readonly end: number | null;
}

interface IntervalTiming {
  readonly ownStart: number | null;
  readonly ownStartIsAbsolute: boolean;
  readonly duration: SignalDuration | null;
  readonly randomize: SignalDuration | null;
}

/**
 * Compiles one OpenADR 3.1.0 event into segments per payload type, following UG-3.1.0 §7.3/§7.4/§7.9:
 * the event's `intervalPeriod` is the default and an interval's own period overrides it; an interval without its own
 * start (or with `0001-01-01`) follows the previous one; the first interval's `0001-01-01` is the event's start, or
 * the beginning of time when the event has none ('do it now' with `P9999Y`); `P9999Y` is open-ended; an event whose
 * start is `0001-01-01` and whose duration is `PT0S` is withdrawn; `event.duration` truncates the intervals or
 * repeats them; packed values of a unitary type split the interval evenly; `randomizeStart` shifts the first start
 * (followers move with it; an absolute start moves by the same amount unless it has its own `randomizeStart`).
 * Pure: no clock; `now` plays no part (a consumer picks what is current from the segments).
 */
export function compileEvent(event: OadrEventContent, options: CompileEventOptions = {}): CompiledEvent {
  const timeZone = options.timeZone ?? 'UTC';
  try {
    assertTimeZone(timeZone);
  } catch {
    throw new UnknownTimeZoneError(timeZone);
  }
  const eventId = event.id ?? null;
  const priority = typeof event.priority === 'number' ? event.priority : null;
  const modifiedAt = event.modificationDateTime ? parseInstant(event.modificationDateTime) : null;
  const errors: SignalIssue[] = [];
  const warnings: SignalIssue[] = [];
  const result = (
    status: CompiledEventStatus,
    lifespan: CompiledEvent['lifespan'] = null,
    segments: SignalSegment[] = [],
  ): CompiledEvent => ({ eventId, status, priority, modifiedAt, lifespan, segments, errors, warnings });

  const readDuration = (text: string | null | undefined, where: string, intervalId?: number) => {
    if (text === null || text === undefined) return null;
    const parsed = parseDuration(text);
    if (!parsed)
      errors.push(
        issue('INVALID_DURATION', `${where} ${JSON.stringify(text)} is not an ISO 8601 duration`, intervalId),
      );
    else if (parsed.negative && where !== 'randomizeStart')
      errors.push(issue('NEGATIVE_DURATION', `${where} ${text} is negative`, intervalId));
    return parsed;
  };
  const readStart = (text: string | null | undefined, intervalId?: number) => {
    if (text === null || text === undefined) return null;
    const ms = parseInstant(text);
    if (ms === null)
      errors.push(issue('INVALID_START', `start ${JSON.stringify(text)} is not an RFC 3339 date-time`, intervalId));
    return ms;
  };

  const period: OadrIntervalPeriod = event.intervalPeriod ?? {};
  const eventStart = readStart(period.start);
  const eventIntervalDuration = readDuration(period.duration, 'intervalPeriod.duration');
  const eventRandomize = readDuration(period.randomizeStart, 'randomizeStart');
  const eventDuration = readDuration(event.duration, 'duration');

  const startsAtBeginning = typeof period.start === 'string' && isBeginningOfTime(period.start);
  if (startsAtBeginning && (isZero(eventDuration) || isZero(eventIntervalDuration))) return result('withdrawn');

  const intervals = event.intervals ?? [];
  if (intervals.length === 0) return errors.length > 0 ? result('invalid') : result('without_intervals');

  const timings: IntervalTiming[] = intervals.map((interval) => {
    const own = interval.intervalPeriod ?? {};
    const ownStart = readStart(own.start, interval.id);
    return {
      ownStart,
      ownStartIsAbsolute: ownStart !== null && !isBeginningOfTime(own.start ?? ''),
      duration: own.duration != null ? readDuration(own.duration, 'duration', interval.id) : eventIntervalDuration,
      randomize: own.randomizeStart != null ? readDuration(own.randomizeStart, 'randomizeStart', interval.id) : null,
    };
  });
  if (errors.length > 0) return result('invalid');

  const first = timings[0]!;
  const firstStart = first.ownStartIsAbsolute ? first.ownStart : (eventStart ?? first.ownStart);
  if (firstStart === null) {
    errors.push(issue('NO_START', 'neither the event nor its first interval has a start', intervals[0]!.id));
    return result('invalid');
  }
  timings.forEach((timing, index) => {
    if (timing.duration === null) {
      warnings.push(
        issue('MISSING_DURATION', 'no duration here or on the event: the interval is empty', intervals[index]!.id),
      );
    }
    if (index > 0 && timing.randomize && !timing.ownStartIsAbsolute) {
      warnings.push(
        issue('RANDOMIZE_IGNORED', 'randomizeStart on an interval that follows the previous one', intervals[index]!.id),
      );
    }
  });

  // One draw for the first interval, then one per absolute start that brings its own randomizeStart (UG §7.3).
  const random = options.randomizeSeed === undefined ? null : seededRandom(options.randomizeSeed);
  const draw = (bound: SignalDuration | null): number =>
    random && bound ? symmetricOffset(random, Math.abs(bound.exactMs) + calendarMs(bound)) : 0;
  const offsets: number[] = [];
  let offset = draw(first.randomize ?? eventRandomize);
  timings.forEach((timing, index) => {
    if (index > 0 && timing.ownStartIsAbsolute && timing.randomize) offset = draw(timing.randomize);
    offsets.push(offset);
  });

  const origin = firstStart + (offsets[0] ?? 0);
  // One pass over the intervals; `shift` moves a repetition (0 for the first pass).
  const placeCycle = (shift: number): { placed: PlacedInterval[]; end: number | null } => {
    const placed: PlacedInterval[] = [];
    let previousEnd: number | null = origin + shift;
    let cycleEnd: number | null = origin + shift;
    for (let index = 0; index < intervals.length; index += 1) {
      const timing = timings[index]!;
      let start: number;
      if (index === 0) start = origin + shift;
      else if (timing.ownStartIsAbsolute) start = timing.ownStart! + offsets[index]! + shift;
      else if (previousEnd === null) {
        if (shift === 0) {
          warnings.push(
            issue('FOLLOWS_OPEN_ENDED', 'follows an open-ended interval: never reached', intervals[index]!.id),
          );
        }
        continue;
      } else start = previousEnd;
      const end = timing.duration === null ? start : addDuration(start, timing.duration, timeZone);
      placed.push({ index, interval: intervals[index]!, start, end });
      previousEnd = end;
      if (cycleEnd !== null) cycleEnd = end === null ? null : Math.max(cycleEnd, end);
    }
    return { placed, end: cycleEnd };
  };

  const firstCycle = placeCycle(0);
  const cycleStart = Math.min(...firstCycle.placed.map((p) => p.start));
  checkOverlaps(firstCycle.placed, warnings);

  // event.duration: truncates the intervals, or repeats them back to back until it is spent (UG §7.3).
  const spanEnd: number | null | undefined =
    eventDuration === null ? undefined : addDuration(cycleStart, eventDuration, timeZone);
  const lifespanEnd = spanEnd === undefined ? firstCycle.end : spanEnd;
  checkLocalDay(cycleStart, lifespanEnd, timeZone, warnings);

  const repeats =
    spanEnd !== undefined &&
    firstCycle.end !== null &&
    firstCycle.end > cycleStart &&
    (spanEnd === null || spanEnd > firstCycle.end);
  if (repeats && spanEnd === null && options.window === undefined) throw new SignalWindowRequiredError(eventId);

  const occurrences: PlacedInterval[] = [];
  let placedCount = 0;
  const keep = (placed: PlacedInterval[]) => {
    placedCount += placed.length;
    for (const p of placed) {
      if (spanEnd !== undefined && spanEnd !== null && p.start >= spanEnd) continue;
      if (options.window && p.end !== null && p.end <= options.window.from) continue;
      occurrences.push(p);
    }
  };
  keep(firstCycle.placed);
  if (repeats) {
    const stopAt = Math.min(spanEnd ?? Infinity, options.window?.to ?? Infinity);
    const cycleLength = firstCycle.end! - cycleStart;
    let start = firstCycle.end!;
    if (options.window && !timings.some((t) => t.duration?.calendar)) {
      // Every repetition has the same length: jump straight to the one before the window.
      const before = Math.floor((options.window.from - cycleStart) / cycleLength) - 1;
      start = cycleStart + Math.max(1, before) * cycleLength;
    }
    while (start < stopAt) {
      if (placedCount > MAX_OCCURRENCES) {
        errors.push(issue('TOO_MANY_REPETITIONS', `more than ${MAX_OCCURRENCES} intervals: compile a narrower window`));
        return result('invalid');
      }
      const cycle = placeCycle(start - cycleStart);
      keep(cycle.placed);
      if (cycle.end === null || cycle.end <= start) break;
      start = cycle.end;
    }
  }

  const cut = spanEnd === undefined ? null : spanEnd;
  const segments: SignalSegment[] = [];
  const descriptors = new Map((event.payloadDescriptors ?? []).map((d) => [d.payloadType, d]));
  const warnedOnce = new Set<string>();
  const warnOnce = (code: SignalIssueCode, message: string, intervalId: number) => {
    const key = `${code}:${intervalId}`;
    if (warnedOnce.has(key)) return;
    warnedOnce.add(key);
    warnings.push(issue(code, message, intervalId));
  };
  for (const occurrence of occurrences) {
    for (const payload of occurrence.interval.payloads) {
      const descriptor = descriptors.get(payload.type);
      const units = descriptor?.units ?? null;
      const currency = descriptor?.currency ?? null;
      // Packed values split the whole interval; event.duration then cuts the pieces (UG §7.3).
      for (const piece of splitPayload(occurrence, payload, warnOnce)) {
        if (cut !== null && piece.start >= cut) continue;
        // Every field written out, in one order: segments share one object shape (spreads made them slow to build).
        const segment: SignalSegment = {
          payloadType: payload.type,
          start: piece.start,
          end: cut !== null && (piece.end === null || piece.end > cut) ? cut : piece.end,
          values: piece.values,
          units,
          currency,
          eventId,
          intervalId: occurrence.interval.id,
          priority,
        };
        if (segment.end !== null && segment.end <= segment.start) continue;
        if (options.window && !overlapsWindow(segment, options.window)) continue;
        segments.push(segment);
      }
    }
  }
  const lifespan = { start: cycleStart, end: lifespanEnd };
  if (lifespan.end !== null && lifespan.end <= lifespan.start && cycleStart === BEGINNING_OF_TIME_MS) {
    return result('withdrawn');
  }
  return result('scheduled', lifespan, segments);
}

function splitPayload(
  occurrence: PlacedInterval,
  payload: OadrValuesMap,
  warnOnce: (code: SignalIssueCode, message: string, intervalId: number) => void,
): Pick<SignalSegment, 'start' | 'end' | 'values'>[] {
  const { start, end } = occurrence;
  const id = occurrence.interval.id;
  const values = payload.values;
  if (values.length === 0) {
    warnOnce('EMPTY_VALUES', `${payload.type} has no values`, id);
    return [];
  }
  if (!isUnitaryPayloadType(payload.type) || values.length === 1) return [{ start, end, values }];
  if (end === null) {
    warnOnce('MULTI_VALUE_OPEN_ENDED', `${values.length} ${payload.type} values in an open-ended interval`, id);
    return [{ start, end, values }];
  }
  const length = end - start;
  if (length % values.length !== 0 || (length / values.length) % 60_000 !== 0) {
    warnOnce(
      'UNEVEN_SUB_INTERVALS',
      `${values.length} ${payload.type} values over ${length / 60_000} minutes are not whole minutes each`,
      id,
    );
  }
  return values.map((value, i) => ({
    start: start + Math.round((i * length) / values.length),
    end: start + Math.round(((i + 1) * length) / values.length),
    values: [value],
  }));
}

function checkOverlaps(placed: readonly PlacedInterval[], warnings: SignalIssue[]): void {
  const sorted = [...placed].sort((a, b) => a.start - b.start || a.index - b.index);
  for (let i = 1; i < sorted.length; i += 1) {
    const before = sorted[i - 1]!;
    if (before.end === null || before.end > sorted[i]!.start) {
      warnings.push(
        issue(
          'OVERLAPPING_INTERVALS',
          'overlaps an earlier interval; the later-listed one wins',
          sorted[i]!.interval.id,
        ),
      );
    }
  }
}

/** A day-ahead set that starts at local midnight and lasts whole 24-hour days, but misses the next local midnight. */
function checkLocalDay(start: number, end: number | null, timeZone: string, warnings: SignalIssue[]): void {
  if (end === null || start === BEGINNING_OF_TIME_MS) return;
  const day = 86_400_000;
  const length = end - start;
  if (length <= 0 || length % day !== 0 || !isLocalMidnight(start, timeZone) || isLocalMidnight(end, timeZone)) return;
  warnings.push(
    issue(
      'LOCAL_DAY_LENGTH',
      `the intervals start at local midnight in ${timeZone} and last ${length / 3_600_000} h, but end off local midnight (a DST day has 23 or 25 hours)`,
    ),
  );
}

function isZero(duration: SignalDuration | null): boolean {
  return duration !== null && !duration.infinite && !duration.calendar && duration.exactMs === 0;
}

/** Nominal length of the calendar parts, only to bound a randomizeStart written in days. */
function calendarMs(duration: SignalDuration): number {
  const t = duration.temporal;
  return Math.abs((t.years * 365 + t.months * 30 + t.weeks * 7 + t.days) * 86_400_000);
}

function issue(code: SignalIssueCode, message: string, intervalId?: number): SignalIssue {
  return intervalId === undefined ? { code, message } : { code, message, intervalId };
}
