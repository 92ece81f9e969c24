import { intersect, MINUTE_MS, normalize, subtract, type Span } from './intervals.js';
import { windowSpans } from './local-time.js';
import { restoreOffsetSeconds } from './restore-stagger.js';
import type { Action, Condition } from './rule-spec.js';
import { clipShed, ShedBudget, type ZonedWindow } from './shed-constraints.js';
import { triggerNeeds, type Need } from './trigger-needs.js';
import type {
  Plan,
  PlannedHold,
  PlannedNotification,
  PlannerInput,
  PlannerRule,
  SkippedResource,
  SkipReason,
} from './planner.types.js';

const iso = (ms: number) => new Date(ms).toISOString();
type SwitchAction = Extract<Action, { kind: 'switch_off' | 'switch_on' }>;

class Collector {
  readonly holds: PlannedHold[] = [];
  readonly skipped: SkippedResource[] = [];
  readonly notifications: PlannedNotification[] = [];
  skip(ruleId: string, sensorId: string | null, episode: string, reason: SkipReason, spans: readonly Span[]): void {
    for (const span of normalize(spans)) {
      this.skipped.push({ ruleId, sensorId, episode, reason, from: iso(span.from), to: iso(span.to) });
    }
  }
}

/** Whole-rule conditions known now: a load threshold, read from the plug facts. */
function loadProblem(only: readonly Condition[], input: PlannerInput): SkipReason | null {
  for (const c of only) {
    if (c.kind !== 'load_above') continue;
    const watts = input.plugs.find((p) => p.sensorId === c.sensorId)?.watts ?? null;
    if (watts === null) return 'load_unknown';
    if (watts <= c.watts) return 'load_below_threshold';
  }
  return null;
}

/** The need's minutes inside every time-window condition, and those outside. */
function withinWindows(spans: readonly Span[], only: readonly Condition[], timeZone: string, interval: Span) {
  let kept = normalize(spans);
  for (const c of only) {
    if (c.kind === 'time_window') kept = intersect(kept, windowSpans(c, interval, timeZone));
  }
  return { kept, outside: subtract(spans, kept) };
}

/** Consent for one plug and one DR event: enrolled, dispatch allowed, not paused, not opted out. */
function consented(need: Need, sensorId: string, input: PlannerInput, ruleId: string, out: Collector): Span[] {
  let spans: Span[] = [...need.spans];
  if (need.dr) {
    const programId = need.dr.programId;
    const enrollment = input.enrollments.find((e) => e.programId === programId && e.resources.includes(sensorId));
    if (!enrollment) return (out.skip(ruleId, sensorId, need.episode, 'resource_not_enrolled', spans), []);
    if (!enrollment.allowDispatch) return (out.skip(ruleId, sensorId, need.episode, 'dispatch_not_allowed', spans), []);
    if (enrollment.paused) {
      const paused = [{ from: Number.MIN_SAFE_INTEGER, to: enrollment.paused.until ?? Number.MAX_SAFE_INTEGER }];
      out.skip(ruleId, sensorId, need.episode, 'enrollment_paused', intersect(spans, paused));
      spans = subtract(spans, paused);
    }
  }
  if (need.eventId && input.optOuts?.some((o) => o.eventId === need.eventId && o.sensorId === sensorId)) {
    out.skip(ruleId, sensorId, need.episode, 'opted_out', spans);
    return [];
  }
  return spans;
}

function hold(rule: PlannerRule, action: SwitchAction, sensorId: string, need: Need, piece: Span): PlannedHold {
  const off = action.kind === 'switch_off';
  const spread = off ? (action.restoreSpreadSeconds ?? 0) : 0;
  const restoreAt = piece.to + restoreOffsetSeconds(need.episode, sensorId, spread) * 1000;
  return {
    holdId: `${rule.ruleId}:${sensorId}:${need.episode}:${iso(piece.from)}`,
    ruleId: rule.ruleId,
    sensorId,
    action: off ? 'off' : 'on',
    source: need.dr
      ? { kind: 'dr', eventId: need.dr.eventId }
      : { kind: 'rule', ...(need.eventId ? { eventId: need.eventId } : {}) },
    episode: need.episode,
    from: iso(piece.from),
    until: iso(piece.to),
    hardUntil: iso(piece.from + action.maxMinutes * MINUTE_MS),
    restore: off ? action.restore : 'previous',
    restoreAt: iso(restoreAt),
  };
}

/** Every forbidden window that names a plug, from every rule that may switch it off. */
function forbiddenByPlug(rules: readonly PlannerRule[]): Map<string, ZonedWindow[]> {
  const map = new Map<string, ZonedWindow[]>();
  for (const rule of rules) {
    for (const action of rule.spec.then) {
      if (action.kind !== 'switch_off') continue;
      for (const sensorId of action.resources) {
        const windows = rule.spec.constraints.forbiddenWindows.map((window) => ({
          window,
          timeZone: rule.spec.timezone,
        }));
        map.set(sensorId, [...(map.get(sensorId) ?? []), ...windows]);
      }
    }
  }
  return map;
}

function planRule(rule: PlannerRule, input: PlannerInput, forbidden: Map<string, ZonedWindow[]>, out: Collector): void {
  const { spec, ruleId } = rule;
  const only = spec.only ?? [];
  const { needs, stale } = triggerNeeds(spec.when, input, spec.timezone);
  out.skip(ruleId, null, 'stale', 'stale_prices', stale);
  const load = loadProblem(only, input);
  const budgets = new Map<string, ShedBudget>();
  const ordered = [...needs].sort((a, b) => a.spans[0]!.from - b.spans[0]!.from || a.episode.localeCompare(b.episode));
  for (const need of ordered) {
    const { kept, outside } = withinWindows(need.spans, only, spec.timezone, input.interval);
    if (kept.length === 0) {
      out.skip(ruleId, null, need.episode, 'condition_not_met', outside);
      continue;
    }
    const active = { ...need, spans: kept };
    for (const action of spec.then) {
      if (action.kind === 'notify') {
        out.notifications.push({
          ruleId,
          episode: need.episode,
          at: iso(kept[0]!.from),
          topic: action.topic ?? 'rule_triggered',
        });
        continue;
      }
      for (const sensorId of action.resources) {
        if (load) {
          out.skip(ruleId, sensorId, need.episode, load, kept);
          continue;
        }
        const state = input.plugs.find((p) => p.sensorId === sensorId)?.state ?? 'unknown';
        if (only.some((c) => c.kind === 'state_known') && state === 'unknown') {
          out.skip(ruleId, sensorId, need.episode, 'state_unknown', kept);
          continue;
        }
        const spans = consented(active, sensorId, input, ruleId, out);
        if (spans.length === 0) continue;
        if (action.kind === 'switch_on') {
          for (const span of spans) {
            const piece = { from: span.from, to: Math.min(span.to, span.from + action.maxMinutes * MINUTE_MS) };
            out.holds.push(hold(rule, action, sensorId, active, piece));
          }
          continue;
        }
        const budget = budgets.get(sensorId) ?? new ShedBudget();
        budgets.set(sensorId, budget);
        const clipped = clipShed(
          spans,
          spec.constraints,
          forbidden.get(sensorId) ?? [],
          action.maxMinutes,
          spec.timezone,
          budget,
        );
        for (const s of clipped.skipped) out.skip(ruleId, sensorId, need.episode, s.reason, [s.span]);
        for (const piece of clipped.pieces) out.holds.push(hold(rule, action, sensorId, active, piece));
      }
    }
  }
}

/** OFF wins over ON for the same plug and minute (MARKET.md §6.2.8): runs are cut around every shed. */
function offWinsOverOn(out: Collector): PlannedHold[] {
  const offs = out.holds.filter((h) => h.action === 'off');
  const result: PlannedHold[] = [...offs];
  for (const on of out.holds.filter((h) => h.action === 'on')) {
    const span = { from: Date.parse(on.from), to: Date.parse(on.until) };
    const blocking = offs
      .filter((o) => o.sensorId === on.sensorId)
      .map((o) => ({ from: Date.parse(o.from), to: Date.parse(o.until) }));
    const left = subtract([span], blocking);
    out.skip(on.ruleId, on.sensorId, on.episode, 'off_wins_over_on', intersect([span], blocking));
    for (const piece of left) {
      result.push({
        ...on,
        holdId: `${on.holdId}~${iso(piece.from)}`,
        from: iso(piece.from),
        until: iso(piece.to),
        restoreAt: iso(piece.to),
      });
    }
  }
  return result;
}

/**
 * The plan of the owner's rules in force over an interval: which plug is switched off (or on) when, by which rule
 * and for which need, and for each minute of a need that is not acted on, why (MARKET.md §6.2). Pure and
 * deterministic: the dry-run endpoint and the executor call it with the same inputs and get the same plan.
 * Each rule's local times are read in its own time zone (`spec.timezone`).
 */
export function planHolds(input: PlannerInput): Plan {
  const out = new Collector();
  const forbidden = forbiddenByPlug(input.rules);
  const rules = [...input.rules].sort(
    (a, b) => (a.spec.priority ?? 0) - (b.spec.priority ?? 0) || a.ruleId.localeCompare(b.ruleId),
  );
  for (const rule of rules) planRule(rule, input, forbidden, out);
  const holds = offWinsOverOn(out).sort(
    (a, b) => a.from.localeCompare(b.from) || a.sensorId.localeCompare(b.sensorId) || a.ruleId.localeCompare(b.ruleId),
  );
  return { holds, skipped: out.skipped, notifications: out.notifications };
}
