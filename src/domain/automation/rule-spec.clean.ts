import { InvalidRuleError } from './rule.errors.js';
import type { Action, Condition, Constraints, LocalWindow, RuleSpec, Trigger } from './rule-spec.js';
import { ruleSpecProblems } from './rule-spec.validation.js';

/** Only the named keys that are present: a spec keeps no field its kind does not define. */
function pick<T extends object>(source: T, keys: readonly (keyof T)[]): T {
  const out: Partial<T> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out as T;
}

const window = (w: LocalWindow): LocalWindow => pick(w, ['from', 'to', 'days']);

function trigger(t: Trigger): Trigger {
  switch (t.kind) {
    case 'price':
      return pick(t, ['kind', 'programId', 'payloadType', 'op', 'threshold', 'currency', 'minConsecutiveSlots']);
    case 'price_rank':
      return { ...pick(t, ['kind', 'programId', 'pick', 'slots']), window: pick(t.window, ['from', 'to']) };
    case 'ghg':
      return pick(t, ['kind', 'programId', 'op', 'threshold']);
    case 'dr_event':
      return pick(t, ['kind', 'programId', 'minSimpleLevel']);
    case 'alert':
      return pick(t, ['kind', 'types']);
    case 'alarm':
      return pick(t, ['kind', 'alarmKinds', 'nodeIds']);
    case 'reading':
      return pick(t, ['kind', 'sensorId', 'op', 'threshold', 'forSeconds']);
  }
}

function condition(c: Condition): Condition {
  switch (c.kind) {
    case 'time_window':
      return { kind: 'time_window', ...window(c) };
    case 'load_above':
      return pick(c, ['kind', 'sensorId', 'watts']);
    case 'state_known':
      return { kind: 'state_known' };
  }
}

function action(a: Action): Action {
  switch (a.kind) {
    case 'switch_off':
      return pick(a, ['kind', 'resources', 'maxMinutes', 'restore', 'restoreSpreadSeconds']);
    case 'switch_on':
      return pick(a, ['kind', 'resources', 'maxMinutes']);
    case 'notify':
      return pick(a, ['kind', 'topic']);
  }
}

function constraints(c: Constraints): Constraints {
  return {
    ...pick(c, [
      'maxOffMinutesPerEvent',
      'maxOffMinutesPerDay',
      'minOnMinutesBetweenSheds',
      'minOffMinutes',
      'maxShedsPerDay',
      'mustBeOnBy',
    ]),
    forbiddenWindows: c.forbiddenWindows.map(window),
  };
}

/**
 * The spec as it is stored and hashed: validated (InvalidRuleError naming every problem), its name trimmed, and
 * every key its kinds do not define dropped, so a stray field neither reaches the log nor changes the version hash.
 */
export function cleanRuleSpec(spec: unknown): RuleSpec {
  const problems = ruleSpecProblems(spec);
  if (problems.length > 0) throw new InvalidRuleError(problems);
  const s = spec as RuleSpec;
  return {
    name: s.name.trim(),
    timezone: s.timezone,
    when: s.when.map(trigger),
    ...(s.only ? { only: s.only.map(condition) } : {}),
    then: s.then.map(action),
    constraints: constraints(s.constraints),
    ...(s.priority !== undefined ? { priority: s.priority } : {}),
  };
}
