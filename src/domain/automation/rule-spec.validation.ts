import { Temporal } from 'temporal-polyfill';
import {
  ACTION_KINDS,
  ALARM_KINDS,
  ALERT_TYPES,
  COMPARISONS,
  CONDITION_KINDS,
  PRICE_PAYLOAD_TYPES,
  RESTORE_POLICIES,
  TRIGGER_KINDS,
  WEEKDAYS,
} from './rule-spec.js';

/** Limits shared by the decider and the transports, so both report the same rule. */
export const RULE_LIMITS = {
  idPattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
  nameMax: 80,
  itemsMax: 16,
  resourcesMax: 64,
  idMax: 500,
  /** A day: a hold longer than this is no longer a shed. */
  maxMinutesMax: 1440,
  restoreSpreadSecondsMax: 900,
  slotsMax: 96,
  forSecondsMax: 86_400,
} as const;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Problems {
  readonly list: string[] = [];
  add(problem: string): void {
    this.list.push(problem);
  }
  oneOf(field: string, value: unknown, allowed: readonly unknown[]): void {
    if (!allowed.includes(value)) this.add(`${field} must be one of: ${allowed.join(', ')}`);
  }
  number(field: string, value: unknown, optional = false): void {
    if (optional && value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.add(`${field} must be a finite number`);
  }
  integer(field: string, value: unknown, min: number, max: number, optional = false): void {
    if (optional && value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(`${field} must be a whole number from ${min} to ${max}`);
    }
  }
  time(field: string, value: unknown, optional = false): void {
    if (optional && value === undefined) return;
    if (typeof value !== 'string' || !HH_MM.test(value)) this.add(`${field} must be a local time HH:mm`);
  }
  id(field: string, value: unknown, optional = false): void {
    if (optional && value === undefined) return;
    if (typeof value !== 'string' || value.length === 0 || value.length > RULE_LIMITS.idMax) {
      this.add(`${field} must be an id of 1 to ${RULE_LIMITS.idMax} characters`);
    }
  }
  list_(field: string, value: unknown, max: number, min = 0): unknown[] {
    if (!Array.isArray(value) || value.length < min || value.length > max) {
      this.add(`${field} must be a list of ${min} to ${max} items`);
      return [];
    }
    return value;
  }
  window(field: string, value: unknown): void {
    if (!isObj(value)) return this.add(`${field} must be an object`);
    this.time(`${field}.from`, value.from);
    this.time(`${field}.to`, value.to);
    if (value.days !== undefined) {
      this.list_(`${field}.days`, value.days, 7, 1).forEach((d, i) => this.oneOf(`${field}.days[${i}]`, d, WEEKDAYS));
    }
  }
}

function triggerProblems(p: Problems, field: string, t: unknown): void {
  if (!isObj(t)) return p.add(`${field} must be an object`);
  p.oneOf(`${field}.kind`, t.kind, TRIGGER_KINDS);
  switch (t.kind) {
    case 'price':
      p.id(`${field}.programId`, t.programId, true);
      p.oneOf(`${field}.payloadType`, t.payloadType, PRICE_PAYLOAD_TYPES);
      p.oneOf(`${field}.op`, t.op, COMPARISONS);
      p.number(`${field}.threshold`, t.threshold);
      p.integer(`${field}.minConsecutiveSlots`, t.minConsecutiveSlots, 1, RULE_LIMITS.slotsMax, true);
      return;
    case 'price_rank':
      p.id(`${field}.programId`, t.programId, true);
      p.oneOf(`${field}.pick`, t.pick, ['most_expensive', 'cheapest']);
      p.integer(`${field}.slots`, t.slots, 1, RULE_LIMITS.slotsMax);
      p.window(`${field}.window`, t.window);
      return;
    case 'ghg':
      p.id(`${field}.programId`, t.programId, true);
      p.oneOf(`${field}.op`, t.op, COMPARISONS);
      p.number(`${field}.threshold`, t.threshold);
      return;
    case 'dr_event':
      p.id(`${field}.programId`, t.programId);
      p.integer(`${field}.minSimpleLevel`, t.minSimpleLevel, 0, 3, true);
      return;
    case 'alert':
      p.list_(`${field}.types`, t.types, ALERT_TYPES.length, 1).forEach((a, i) =>
        p.oneOf(`${field}.types[${i}]`, a, ALERT_TYPES),
      );
      return;
    case 'alarm':
      p.list_(`${field}.alarmKinds`, t.alarmKinds, ALARM_KINDS.length, 1).forEach((a, i) =>
        p.oneOf(`${field}.alarmKinds[${i}]`, a, ALARM_KINDS),
      );
      if (t.nodeIds !== undefined) {
        p.list_(`${field}.nodeIds`, t.nodeIds, RULE_LIMITS.resourcesMax).forEach((n, i) =>
          p.id(`${field}.nodeIds[${i}]`, n),
        );
      }
      return;
    case 'reading':
      p.id(`${field}.sensorId`, t.sensorId);
      p.oneOf(`${field}.op`, t.op, COMPARISONS);
      p.number(`${field}.threshold`, t.threshold);
      p.integer(`${field}.forSeconds`, t.forSeconds, 0, RULE_LIMITS.forSecondsMax);
      return;
  }
}

function conditionProblems(p: Problems, field: string, c: unknown): void {
  if (!isObj(c)) return p.add(`${field} must be an object`);
  p.oneOf(`${field}.kind`, c.kind, CONDITION_KINDS);
  if (c.kind === 'time_window') p.window(field, c);
  if (c.kind === 'load_above') {
    p.id(`${field}.sensorId`, c.sensorId);
    p.number(`${field}.watts`, c.watts);
  }
}

function actionProblems(p: Problems, field: string, a: unknown): void {
  if (!isObj(a)) return p.add(`${field} must be an object`);
  p.oneOf(`${field}.kind`, a.kind, ACTION_KINDS);
  if (a.kind === 'switch_off' || a.kind === 'switch_on') {
    p.list_(`${field}.resources`, a.resources, RULE_LIMITS.resourcesMax, 1).forEach((r, i) =>
      p.id(`${field}.resources[${i}]`, r),
    );
    p.integer(`${field}.maxMinutes`, a.maxMinutes, 1, RULE_LIMITS.maxMinutesMax);
  }
  if (a.kind === 'switch_off') {
    p.oneOf(`${field}.restore`, a.restore, RESTORE_POLICIES);
    p.integer(`${field}.restoreSpreadSeconds`, a.restoreSpreadSeconds, 0, RULE_LIMITS.restoreSpreadSecondsMax, true);
  }
  if (a.kind === 'notify' && a.topic !== undefined) p.id(`${field}.topic`, a.topic);
}

function constraintProblems(p: Problems, c: unknown): void {
  if (!isObj(c)) return p.add('constraints must be an object');
  p.list_('constraints.forbiddenWindows', c.forbiddenWindows, RULE_LIMITS.itemsMax).forEach((w, i) =>
    p.window(`constraints.forbiddenWindows[${i}]`, w),
  );
  p.integer('constraints.maxOffMinutesPerEvent', c.maxOffMinutesPerEvent, 1, RULE_LIMITS.maxMinutesMax);
  p.integer('constraints.maxOffMinutesPerDay', c.maxOffMinutesPerDay, 1, RULE_LIMITS.maxMinutesMax, true);
  p.integer('constraints.minOnMinutesBetweenSheds', c.minOnMinutesBetweenSheds, 0, RULE_LIMITS.maxMinutesMax, true);
  p.integer('constraints.minOffMinutes', c.minOffMinutes, 0, RULE_LIMITS.maxMinutesMax, true);
  p.integer('constraints.maxShedsPerDay', c.maxShedsPerDay, 1, 96, true);
  p.time('constraints.mustBeOnBy', c.mustBeOnBy, true);
}

function timeZoneKnown(zone: unknown): boolean {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** Everything wrong with a rule spec, as field-named sentences; empty when it may be stored. */
export function ruleSpecProblems(spec: unknown): string[] {
  const p = new Problems();
  if (!isObj(spec)) return ['spec must be an object'];
  if (typeof spec.name !== 'string' || spec.name.trim().length === 0 || spec.name.length > RULE_LIMITS.nameMax) {
    p.add(`name must be 1 to ${RULE_LIMITS.nameMax} characters`);
  }
  if (!timeZoneKnown(spec.timezone)) p.add('timezone must be an IANA time zone such as Europe/Amsterdam');
  p.list_('when', spec.when, RULE_LIMITS.itemsMax, 1).forEach((t, i) => triggerProblems(p, `when[${i}]`, t));
  if (spec.only !== undefined) {
    p.list_('only', spec.only, RULE_LIMITS.itemsMax).forEach((c, i) => conditionProblems(p, `only[${i}]`, c));
  }
  p.list_('then', spec.then, RULE_LIMITS.itemsMax, 1).forEach((a, i) => actionProblems(p, `then[${i}]`, a));
  constraintProblems(p, spec.constraints);
  p.integer('priority', spec.priority, 0, 1000, true);
  return p.list;
}
