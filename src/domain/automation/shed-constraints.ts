import { intersect, MINUTE_MS, normalize, subtract, type Span } from './intervals.js';
import { localDayKey, timesOfDay, windowSpans } from './local-time.js';
import type { Constraints, LocalWindow } from './rule-spec.js';
import type { SkipReason } from './planner.types.js';

/** A forbidden window and the zone of the rule that set it: every rule's windows protect the plug. */
export interface ZonedWindow {
  readonly window: LocalWindow;
  readonly timeZone: string;
}

/** What one (rule, plug) has used so far, need by need in time order: per-day caps and the gap between sheds. */
export class ShedBudget {
  lastEnd: number | null = null;
  private readonly days = new Map<string, { minutes: number; sheds: number }>();
  day(key: string): { minutes: number; sheds: number } {
    const found = this.days.get(key) ?? { minutes: 0, sheds: 0 };
    this.days.set(key, found);
    return found;
  }
}

export interface ClippedShed {
  readonly pieces: readonly Span[];
  readonly skipped: readonly { readonly reason: SkipReason; readonly span: Span }[];
}

function around(spans: readonly Span[]): Span {
  return { from: Math.min(...spans.map((s) => s.from)), to: Math.max(...spans.map((s) => s.to)) };
}

/** A shed running past the owner's comfort deadline ends there; the rest of that piece is not shed. */
function cutAtDeadline(
  pieces: Span[],
  mustBeOnBy: string | undefined,
  timeZone: string,
): { kept: Span[]; cut: Span[] } {
  if (!mustBeOnBy || pieces.length === 0) return { kept: pieces, cut: [] };
  const deadlines = timesOfDay(mustBeOnBy, around(pieces), timeZone);
  const kept: Span[] = [];
  const cut: Span[] = [];
  for (const piece of pieces) {
    const deadline = deadlines.find((t) => t > piece.from && t < piece.to);
    if (deadline === undefined) kept.push(piece);
    else {
      kept.push({ from: piece.from, to: deadline });
      cut.push({ from: deadline, to: piece.to });
    }
  }
  return { kept, cut };
}

/**
 * The owner's limits applied to one need of one plug, in this order (MARKET.md §6.2): forbidden windows are removed
 * (a need may split around them), a shed ends at `mustBeOnBy`, then pieces are taken from the start while the
 * per-event, per-day and per-hold budgets last, a piece starting too soon after the last shed starts later
 * (`minOnMinutesBetweenSheds`), a piece shorter than `minOffMinutes` is not shed, and `maxShedsPerDay` counts sheds
 * by the local day they start. Every minute not shed is reported with its reason.
 */
export function clipShed(
  need: readonly Span[],
  constraints: Constraints,
  forbidden: readonly ZonedWindow[],
  maxMinutes: number,
  timeZone: string,
  budget: ShedBudget,
): ClippedShed {
  const skipped: { reason: SkipReason; span: Span }[] = [];
  const spans = normalize(need);
  if (spans.length === 0) return { pieces: [], skipped };
  const range = around(spans);
  const blocked = forbidden.flatMap((f) => windowSpans(f.window, range, f.timeZone));
  skipped.push(...intersect(spans, blocked).map((span) => ({ reason: 'forbidden_window' as const, span })));
  const deadline = cutAtDeadline(subtract(spans, blocked), constraints.mustBeOnBy, timeZone);
  skipped.push(...deadline.cut.map((span) => ({ reason: 'must_be_on_by' as const, span })));

  const pieces: Span[] = [];
  let eventLeft = constraints.maxOffMinutesPerEvent * MINUTE_MS;
  const minOn = (constraints.minOnMinutesBetweenSheds ?? 0) * MINUTE_MS;
  const minOff = (constraints.minOffMinutes ?? 0) * MINUTE_MS;
  for (const candidate of deadline.kept) {
    let from = candidate.from;
    if (minOn > 0 && budget.lastEnd !== null && from < budget.lastEnd + minOn) {
      const earliest = budget.lastEnd + minOn;
      skipped.push({ reason: 'min_on_between_sheds', span: { from, to: Math.min(earliest, candidate.to) } });
      from = earliest;
      if (from >= candidate.to) continue;
    }
    const rest = { from, to: candidate.to };
    const day = budget.day(localDayKey(from, timeZone));
    if (constraints.maxShedsPerDay !== undefined && day.sheds >= constraints.maxShedsPerDay) {
      skipped.push({ reason: 'max_sheds_reached', span: rest });
      continue;
    }
    const dayLeft =
      constraints.maxOffMinutesPerDay === undefined
        ? Number.POSITIVE_INFINITY
        : constraints.maxOffMinutesPerDay * MINUTE_MS - day.minutes;
    const limit = Math.min(eventLeft, dayLeft, maxMinutes * MINUTE_MS);
    const limitReason: SkipReason =
      dayLeft < eventLeft && dayLeft < maxMinutes * MINUTE_MS ? 'daily_cap_reached' : 'event_cap_reached';
    const length = Math.min(rest.to - rest.from, limit);
    if (length <= 0) {
      skipped.push({ reason: limitReason, span: rest });
      continue;
    }
    if (length < minOff) {
      skipped.push({ reason: 'shorter_than_min_off', span: rest });
      continue;
    }
    const piece = { from, to: from + length };
    pieces.push(piece);
    if (piece.to < rest.to) skipped.push({ reason: limitReason, span: { from: piece.to, to: rest.to } });
    eventLeft -= length;
    day.minutes += length;
    day.sheds += 1;
    budget.lastEnd = piece.to;
  }
  return { pieces, skipped };
}
