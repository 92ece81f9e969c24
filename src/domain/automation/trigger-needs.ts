import type { SignalSegment } from '../market/signal-segments/signal-segment.js';
import { intersect, normalize, subtract, type Span } from './intervals.js';
import { windowSpans } from './local-time.js';
import type { Comparison, Trigger } from './rule-spec.js';
import type { PlannerAlarm, PlannerInput, ProgramSignals, ReadingSeries } from './planner.types.js';

/** One need of a rule: minutes its triggers ask for, as one event (a DR event, an alert, or one run of its own). */
export interface Need {
  readonly episode: string;
  readonly spans: readonly Span[];
  /** Set for a DR event: only enrolled resources with consent act on it. */
  readonly dr?: { readonly eventId: string; readonly programId: string };
  readonly eventId?: string;
}

export interface TriggerNeeds {
  readonly needs: readonly Need[];
  /** Parts of the interval a price trigger had no prices for: nothing acts there (stale data means do nothing). */
  readonly stale: readonly Span[];
}

const iso = (ms: number) => new Date(ms).toISOString();

export function compare(value: number, op: Comparison, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}

function numberOf(segment: SignalSegment): number | null {
  const value = segment.values[0];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function endOf(segment: SignalSegment, interval: Span): number {
  return segment.end ?? Math.max(interval.to, segment.start);
}

function programsFor(signals: readonly ProgramSignals[], programId: string | undefined): ProgramSignals[] {
  return signals.filter((p) => programId === undefined || p.programId === programId);
}

function segmentsOf(program: ProgramSignals, payloadType: string): SignalSegment[] {
  return program.segments.filter((s) => s.payloadType === payloadType).sort((a, b) => a.start - b.start);
}

/** Where the prices of these programs leave the interval uncovered. */
function uncovered(programs: readonly ProgramSignals[], payloadType: string, interval: Span): Span[] {
  const covered = programs.flatMap((p) =>
    segmentsOf(p, payloadType).map((s) => ({ from: s.start, to: endOf(s, interval) })),
  );
  return subtract([interval], covered);
}

/**
 * Runs of consecutive slots past the threshold; a run acts from the start of its `minSlots`-th slot to its end
 * (hysteresis: a single spike does not shed, and the first slot back under the threshold restores).
 */
function thresholdSpans(
  segments: readonly SignalSegment[],
  op: Comparison,
  threshold: number,
  minSlots: number,
  interval: Span,
  currency?: string,
): Span[] {
  const spans: Span[] = [];
  let run: SignalSegment[] = [];
  const close = () => {
    if (run.length >= minSlots) spans.push({ from: run[minSlots - 1]!.start, to: endOf(run.at(-1)!, interval) });
    run = [];
  };
  for (const segment of segments) {
    const value = numberOf(segment);
    const matches =
      value !== null && compare(value, op, threshold) && (currency === undefined || segment.currency === currency);
    const contiguous = run.length > 0 && endOf(run.at(-1)!, interval) === segment.start;
    if (!matches || (run.length > 0 && !contiguous)) close();
    if (matches) run.push(segment);
  }
  close();
  return intersect(spans, [interval]);
}

/** The cheapest or dearest `slots` segments inside each local window; a window without full prices is stale. */
function rankSpans(
  trigger: Extract<Trigger, { kind: 'price_rank' }>,
  programs: readonly ProgramSignals[],
  interval: Span,
  timeZone: string,
): { spans: Span[]; stale: Span[] } {
  const spans: Span[] = [];
  const stale: Span[] = [];
  for (const window of windowSpans(trigger.window, interval, timeZone)) {
    const slots = programs
      .flatMap((p) => segmentsOf(p, 'PRICE'))
      .map((s) => ({ span: intersect([{ from: s.start, to: endOf(s, interval) }], [window])[0], value: numberOf(s) }))
      .filter((s): s is { span: Span; value: number } => s.span !== undefined && s.value !== null);
    const gaps = subtract(
      [window],
      slots.map((s) => s.span),
    );
    if (gaps.length > 0) {
      stale.push(...intersect([window], [interval]));
      continue;
    }
    const sign = trigger.pick === 'most_expensive' ? -1 : 1;
    const picked = [...slots]
      .sort((a, b) => sign * (a.value - b.value) || a.span.from - b.span.from)
      .slice(0, trigger.slots);
    spans.push(...picked.map((s) => s.span));
  }
  return { spans: intersect(spans, [interval]), stale };
}

function byEvent(
  segments: readonly SignalSegment[],
  interval: Span,
  keep: (s: SignalSegment) => boolean,
): Map<string, Span[]> {
  const events = new Map<string, Span[]>();
  for (const segment of segments.filter(keep)) {
    const key = segment.eventId ?? `segment@${iso(segment.start)}`;
    events.set(key, [...(events.get(key) ?? []), { from: segment.start, to: endOf(segment, interval) }]);
  }
  return events;
}

function alarmSpans(
  trigger: Extract<Trigger, { kind: 'alarm' }>,
  alarms: readonly PlannerAlarm[],
  interval: Span,
): Span[] {
  return alarms
    .filter((a) => (trigger.alarmKinds as readonly string[]).includes(a.kind))
    .filter((a) => !trigger.nodeIds || trigger.nodeIds.includes(a.nodeId))
    .map((a) => ({ from: a.raisedAt, to: a.clearedAt ?? interval.to }));
}

/** From `forSeconds` after a reading first passes the threshold until the first reading that does not. */
function readingSpans(
  trigger: Extract<Trigger, { kind: 'reading' }>,
  series: ReadingSeries | undefined,
  interval: Span,
): Span[] {
  if (!series) return [];
  const samples = [...series.samples].sort((a, b) => a.at - b.at);
  const spans: Span[] = [];
  let runStart: number | null = null;
  for (const sample of samples) {
    const matches = compare(sample.value, trigger.op, trigger.threshold);
    if (matches && runStart === null) runStart = sample.at;
    if (!matches && runStart !== null) {
      spans.push({ from: runStart + trigger.forSeconds * 1000, to: sample.at });
      runStart = null;
    }
  }
  if (runStart !== null) spans.push({ from: runStart + trigger.forSeconds * 1000, to: interval.to });
  return spans;
}

/**
 * Every need of one rule's triggers over the interval. DR events and alerts keep their event as the need; the other
 * triggers' minutes are joined, and each connected run is one need of the rule's own.
 */
export function triggerNeeds(triggers: readonly Trigger[], input: PlannerInput, timeZone: string): TriggerNeeds {
  const { interval } = input;
  const needs: Need[] = [];
  const own: Span[] = [];
  const stale: Span[] = [];
  for (const trigger of triggers) {
    switch (trigger.kind) {
      case 'price': {
        const programs = programsFor(input.signals, trigger.programId);
        stale.push(...uncovered(programs, trigger.payloadType, interval));
        for (const p of programs) {
          const segments = segmentsOf(p, trigger.payloadType);
          own.push(
            ...thresholdSpans(
              segments,
              trigger.op,
              trigger.threshold,
              trigger.minConsecutiveSlots ?? 1,
              interval,
              trigger.currency,
            ),
          );
        }
        break;
      }
      case 'price_rank': {
        for (const p of programsFor(input.signals, trigger.programId)) {
          const ranked = rankSpans(trigger, [p], interval, timeZone);
          own.push(...ranked.spans);
          stale.push(...ranked.stale);
        }
        if (programsFor(input.signals, trigger.programId).length === 0) stale.push(interval);
        break;
      }
      case 'ghg':
        for (const p of programsFor(input.signals, trigger.programId)) {
          own.push(...thresholdSpans(segmentsOf(p, 'GHG'), trigger.op, trigger.threshold, 1, interval));
        }
        break;
      case 'dr_event': {
        const minLevel = trigger.minSimpleLevel ?? 1;
        for (const p of programsFor(input.signals, trigger.programId)) {
          const events = byEvent(segmentsOf(p, 'SIMPLE'), interval, (s) => (numberOf(s) ?? -1) >= minLevel);
          for (const [eventId, spans] of events) {
            needs.push({
              episode: eventId,
              eventId,
              dr: { eventId, programId: p.programId },
              spans: intersect(spans, [interval]),
            });
          }
        }
        break;
      }
      case 'alert': {
        const types = trigger.types as readonly string[];
        for (const p of input.signals) {
          for (const [eventId, spans] of byEvent(p.segments, interval, (s) => types.includes(s.payloadType))) {
            needs.push({ episode: eventId, eventId, spans: intersect(spans, [interval]) });
          }
        }
        break;
      }
      case 'alarm':
        own.push(...intersect(alarmSpans(trigger, input.alarms, interval), [interval]));
        break;
      case 'reading': {
        const series = input.readings?.find((r) => r.sensorId === trigger.sensorId);
        own.push(...intersect(readingSpans(trigger, series, interval), [interval]));
        break;
      }
    }
  }
  for (const span of normalize(own)) needs.push({ episode: `rule@${iso(span.from)}`, spans: [span] });
  return { needs: needs.filter((n) => n.spans.length > 0), stale: normalize(stale) };
}
