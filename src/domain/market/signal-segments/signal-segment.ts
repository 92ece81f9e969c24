import type { OadrValue } from './signal-content.js';

/**
 * One payload type's value over a half-open span of time, `[start, end)`. Times are epoch milliseconds (UTC
 * instants); `end: null` is open-ended (`P9999Y`). For a unitary payload type (PRICE, GHG, SIMPLE, …) `values` holds
 * exactly one value; other types keep the interval's values together.
 */
export interface SignalSegment {
  readonly payloadType: string;
  readonly start: number;
  readonly end: number | null;
  readonly values: readonly OadrValue[];
  readonly units: string | null;
  readonly currency: string | null;
  readonly eventId: string | null;
  readonly intervalId: number;
  readonly priority: number | null;
}

/** The same segment over another span; fields written out so every segment keeps one object shape. */
export function withSpan(segment: SignalSegment, start: number, end: number | null): SignalSegment {
  return {
    payloadType: segment.payloadType,
    start,
    end,
    values: segment.values,
    units: segment.units,
    currency: segment.currency,
    eventId: segment.eventId,
    intervalId: segment.intervalId,
    priority: segment.priority,
  };
}

export interface TimeWindow {
  /** Epoch ms, inclusive. */
  readonly from: number;
  /** Epoch ms, exclusive. */
  readonly to: number;
}

export function overlapsWindow(segment: Pick<SignalSegment, 'start' | 'end'>, window: TimeWindow): boolean {
  return segment.start < window.to && (segment.end === null || segment.end > window.from);
}

/**
 * The segment of `payloadType` in force at `at` (epoch ms), from a merged timeline (non-overlapping per type), or
 * null. This is how a client "skips ahead" to the interval of now (UG §7.3): the caller passes its clock's instant.
 */
export function segmentAt(timeline: readonly SignalSegment[], payloadType: string, at: number): SignalSegment | null {
  for (const segment of timeline) {
    if (segment.payloadType === payloadType && segment.start <= at && (segment.end === null || at < segment.end)) {
      return segment;
    }
  }
  return null;
}

/** The same segment with ISO-8601 UTC times, for JSON and SQL `timestamptz`. */
export function segmentTimesToIso(segment: SignalSegment): { start: string; end: string | null } {
  return {
    start: new Date(segment.start).toISOString(),
    end: segment.end === null ? null : new Date(segment.end).toISOString(),
  };
}
