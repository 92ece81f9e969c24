import { Temporal } from 'temporal-polyfill';
import { InvalidMarketInputError } from './market.errors.js';
import { signalConcerns, signalKindOf, type ParticipantAddress, type SignalKind } from './participant-signals.js';
import type { OadrEventContent, OadrValue } from './signal-segments/signal-content.js';
import { signalTimeline } from './signal-segments/merge-timelines.js';
import type { SignalSegment, TimeWindow } from './signal-segments/signal-segment.js';
import { assertTimeZone } from './signal-segments/signal-time.js';

/** Longest range one owner request compiles (a looping tariff is expanded over it). */
export const MAX_SIGNAL_RANGE_DAYS = 31;
const DAY_MS = 86_400_000;

/** A range in the owner's zone, checked: readable instants, from < to, at most 31 days, a zone the database knows. */
export function ownerWindow(from: string, to: string, timeZone: string): TimeWindow {
  const problems: string[] = [];
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  if (Number.isNaN(fromMs)) problems.push('from must be an ISO 8601 date-time');
  if (Number.isNaN(toMs)) problems.push('to must be an ISO 8601 date-time');
  if (problems.length === 0 && toMs <= fromMs) problems.push('to must be later than from');
  if (problems.length === 0 && toMs - fromMs > MAX_SIGNAL_RANGE_DAYS * DAY_MS)
    problems.push(`from and to may be at most ${MAX_SIGNAL_RANGE_DAYS} days apart`);
  try {
    assertTimeZone(timeZone);
  } catch {
    problems.push(`timeZone ${timeZone.slice(0, 64)} is not an IANA time zone (such as Europe/Amsterdam)`);
  }
  if (problems.length > 0) throw new InvalidMarketInputError('range', problems);
  return { from: fromMs, to: toMs };
}

/** An instant on the owner's wall clock, with its offset: `2026-03-29T03:00:00+02:00`. */
export function localIso(ms: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(timeZone)
    .toString({ timeZoneName: 'never', fractionalSecondDigits: 'auto' });
}

/** One program's grid signals as stored, and who the owner is in it. */
export interface EnrolledProgramSignals {
  readonly programId: string;
  readonly participant: ParticipantAddress & { readonly venId: string };
  readonly events: readonly (OadrEventContent & { readonly targets?: readonly string[] })[];
}

export interface OwnerSignalSegment {
  readonly programId: string;
  readonly eventId: string | null;
  readonly kind: SignalKind;
  readonly payloadType: string;
  /** Clipped to the range asked for, on the owner's wall clock. */
  readonly start: string;
  readonly end: string;
  readonly values: readonly OadrValue[];
  readonly units: string | null;
  readonly currency: string | null;
  readonly priority: number | null;
}

/**
 * The effective signals of one program for one participant over a window: the events that concern it (targets),
 * compiled and merged by priority (signal-segments), randomized starts seeded per ven so each site gets its own
 * stable offset. Segments are cut to the window.
 */
export function participantTimeline(
  program: EnrolledProgramSignals,
  window: TimeWindow,
  timeZone: string,
): readonly SignalSegment[] {
  const concerning = program.events.filter((e) => signalConcerns(e.targets, program.participant));
  return signalTimeline(concerning, { timeZone, window, randomizeSeed: program.participant.venId }).segments;
}

export function ownerSegments(
  program: EnrolledProgramSignals,
  window: TimeWindow,
  timeZone: string,
): OwnerSignalSegment[] {
  return participantTimeline(program, window, timeZone)
    .filter((s) => s.start < window.to && (s.end === null || s.end > window.from))
    .map((s) => ({
      programId: program.programId,
      eventId: s.eventId,
      kind: signalKindOf(s.payloadType),
      payloadType: s.payloadType,
      start: localIso(Math.max(s.start, window.from), timeZone),
      end: localIso(Math.min(s.end ?? Number.POSITIVE_INFINITY, window.to), timeZone),
      values: s.values,
      units: s.units,
      currency: s.currency,
      priority: s.priority,
    }));
}
