import { compileEvent, type CompileEventOptions, type CompiledEvent } from './compile-event.js';
import type { OadrEventContent } from './signal-content.js';
import { withSpan, type SignalSegment } from './signal-segment.js';

/** Two events of equal priority that both claim the same payload type over the same time (UG §7.1: unspecified). */
export interface SignalConflict {
  readonly payloadType: string;
  readonly start: number;
  readonly end: number | null;
  /** The winner first (latest modificationDateTime, then the smallest event id), then the losers. */
  readonly eventIds: readonly (string | null)[];
}

export interface SignalTimeline {
  /** Non-overlapping within each payload type; sorted by payload type, then start. */
  readonly segments: readonly SignalSegment[];
  readonly conflicts: readonly SignalConflict[];
}

interface Candidate {
  readonly segment: SignalSegment;
  readonly rank: readonly [number, number, string, number];
}

/**
 * One timeline per payload type out of many compiled events. Only values of the same payload type conflict (a price
 * and a GHG value, or a price and an alert, both stand: UG §7.1). Where several claim the same time the lowest
 * `priority` number wins, an event without priority ranks below every number; between equal priorities the later
 * `modificationDateTime` wins, then the smaller event id, and the overlap is listed in `conflicts`; inside one event
 * the later-listed interval wins. The losing segment is cut around the winner, so it applies again after it.
 * Events that are not `scheduled` (withdrawn, invalid, without intervals) contribute nothing.
 */
export function mergeTimelines(events: readonly CompiledEvent[]): SignalTimeline {
  const byType = new Map<string, Candidate[]>();
  for (const event of events) {
    if (event.status !== 'scheduled') continue;
    event.segments.forEach((segment, order) => {
      const rank = [
        event.priority ?? Number.POSITIVE_INFINITY,
        -(event.modifiedAt ?? Number.NEGATIVE_INFINITY),
        event.eventId ?? '',
        -order,
      ] as const;
      const list = byType.get(segment.payloadType) ?? [];
      list.push({ segment, rank });
      byType.set(segment.payloadType, list);
    });
  }
  const segments: SignalSegment[] = [];
  const conflicts: SignalConflict[] = [];
  for (const type of [...byType.keys()].sort()) {
    sweep(byType.get(type)!, segments, conflicts);
  }
  return { segments, conflicts };
}

function compareRank(a: Candidate['rank'], b: Candidate['rank']): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  if (a[2] !== b[2]) return a[2] < b[2] ? -1 : 1;
  return a[3] - b[3];
}

function sweep(candidates: Candidate[], out: SignalSegment[], conflicts: SignalConflict[]): void {
  const endOf = (c: Candidate) => c.segment.end ?? Number.POSITIVE_INFINITY;
  const bounds = [...new Set(candidates.flatMap((c) => [c.segment.start, endOf(c)]))].sort((a, b) => a - b);
  const byStart = [...candidates].sort((a, b) => a.segment.start - b.segment.start);
  let next = 0;
  let active: Candidate[] = [];
  let open: { candidate: Candidate; start: number; end: number } | null = null;
  let openConflict: { key: string; conflict: SignalConflict } | null = null;
  const flush = () => {
    if (open) {
      const end = open.end === Number.POSITIVE_INFINITY ? null : open.end;
      out.push(withSpan(open.candidate.segment, open.start, end));
    }
    open = null;
  };
  const flushConflict = () => {
    if (openConflict) conflicts.push(openConflict.conflict);
    openConflict = null;
  };
  for (let i = 0; i < bounds.length - 1; i += 1) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    while (next < byStart.length && byStart[next]!.segment.start <= from) active.push(byStart[next++]!);
    active = active.filter((c) => endOf(c) > from);
    if (active.length === 0) {
      flush();
      flushConflict();
      continue;
    }
    const ranked = [...active].sort((a, b) => compareRank(a.rank, b.rank));
    const best = ranked[0]!;
    if (open && open.candidate === best && open.end === from) open.end = to;
    else {
      flush();
      open = { candidate: best, start: from, end: to };
    }
    const tied = ranked.filter((c) => c.rank[0] === best.rank[0] && c.segment.eventId !== best.segment.eventId);
    if (tied.length === 0) {
      flushConflict();
      continue;
    }
    const eventIds = [best.segment.eventId, ...new Set(tied.map((c) => c.segment.eventId))];
    const key = eventIds.join('\u0000');
    const current = openConflict as { key: string; conflict: SignalConflict } | null;
    if (current && current.key === key && current.conflict.end === from) {
      openConflict = { key, conflict: { ...current.conflict, end: to === Number.POSITIVE_INFINITY ? null : to } };
    } else {
      flushConflict();
      const end = to === Number.POSITIVE_INFINITY ? null : to;
      openConflict = { key, conflict: { payloadType: best.segment.payloadType, start: from, end, eventIds } };
    }
  }
  flush();
  flushConflict();
}

/** compileEvent for each event with the same options, then mergeTimelines: the effective signals of a program set. */
export function signalTimeline(
  events: readonly OadrEventContent[],
  options: CompileEventOptions = {},
): SignalTimeline & { readonly compiled: readonly CompiledEvent[] } {
  const compiled = events.map((event) => compileEvent(event, options));
  return { ...mergeTimelines(compiled), compiled };
}
