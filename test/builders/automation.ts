import type { SignalSegment } from '../../src/domain/market/signal-segments/signal-segment.js';
import type { PlannedHold, PlannerInput } from '../../src/domain/automation/planner.types.js';
import type { RuleActor } from '../../src/domain/automation/rule.commands.js';
import type {
  AutomationRuleAccepted,
  AutomationRuleDefined,
  AutomationRuleDisabled,
  AutomationRuleProposed,
  AutomationRuleRevised,
} from '../../src/domain/automation/rule.events.js';
import type { Action, Constraints, RuleSpec, Trigger } from '../../src/domain/automation/rule-spec.js';

export const A_RULE_ID = 'r-1';
export const RULE_OWNER = 'user:owner-1';
export const A_PROVIDER = 'provider-1';
export const A_PROGRAM = 'program-1';
export const A_PLUG = 'zigbee:0x00124b0001/1/switch';
export const DEFINED_AT = '2026-12-01T10:00:00.000Z';

export const OWNER: RuleActor = { kind: 'owner', ownerId: RULE_OWNER, actorId: RULE_OWNER };
export const PROVIDER: RuleActor = { kind: 'provider', providerId: A_PROVIDER, actorId: 'client:bl-1' };

export function aSwitchOff(overrides: Partial<Extract<Action, { kind: 'switch_off' }>> = {}): Action {
  return { kind: 'switch_off', resources: [A_PLUG], maxMinutes: 240, restore: 'previous', ...overrides };
}

export function someConstraints(overrides: Partial<Constraints> = {}): Constraints {
  return { forbiddenWindows: [], maxOffMinutesPerEvent: 240, ...overrides };
}

export function aDrTrigger(programId = A_PROGRAM): Trigger {
  return { kind: 'dr_event', programId };
}

/** A rule that switches one plug off during a DR event of one program, in Amsterdam; pass what the spec is about. */
export function aRuleSpec(overrides: Partial<RuleSpec> = {}): RuleSpec {
  return {
    name: 'Boiler off at peaks',
    timezone: 'Europe/Amsterdam',
    when: [aDrTrigger()],
    then: [aSwitchOff()],
    constraints: someConstraints(),
    ...overrides,
  };
}

export function aRuleDefined(overrides: Partial<AutomationRuleDefined['data']> = {}): AutomationRuleDefined {
  return {
    type: 'AutomationRuleDefined',
    data: {
      ruleId: A_RULE_ID,
      ownerId: RULE_OWNER,
      spec: aRuleSpec(),
      specHash: 'hash-1',
      enabled: true,
      definedBy: RULE_OWNER,
      at: DEFINED_AT,
      ...overrides,
    },
  };
}

export function aRuleProposed(overrides: Partial<AutomationRuleProposed['data']> = {}): AutomationRuleProposed {
  return {
    type: 'AutomationRuleProposed',
    data: {
      ruleId: A_RULE_ID,
      ownerId: RULE_OWNER,
      providerId: A_PROVIDER,
      programId: A_PROGRAM,
      spec: aRuleSpec(),
      specHash: 'hash-1',
      proposedBy: 'client:bl-1',
      at: DEFINED_AT,
      ...overrides,
    },
  };
}

export function aRuleAccepted(specHash = 'hash-1', at = DEFINED_AT): AutomationRuleAccepted {
  return { type: 'AutomationRuleAccepted', data: { ruleId: A_RULE_ID, specHash, acceptedBy: RULE_OWNER, at } };
}

export function aRuleRevised(
  spec: RuleSpec,
  specHash: string,
  by: 'owner' | 'provider' = 'owner',
  at = DEFINED_AT,
): AutomationRuleRevised {
  return {
    type: 'AutomationRuleRevised',
    data: { ruleId: A_RULE_ID, spec, specHash, by, revisedBy: by === 'owner' ? RULE_OWNER : 'client:bl-1', at },
  };
}

export function aRuleDisabled(at = DEFINED_AT): AutomationRuleDisabled {
  return { type: 'AutomationRuleDisabled', data: { ruleId: A_RULE_ID, disabledBy: RULE_OWNER, at } };
}

/** A grid-signal segment as the market compiler gives it; `start`/`end` epoch ms. */
export function aSegment(
  payloadType: string,
  start: number,
  end: number | null,
  value: number,
  eventId = 'event-1',
): SignalSegment {
  return {
    payloadType,
    start,
    end,
    values: [value],
    units: payloadType.includes('PRICE') ? 'KWH' : null,
    currency: payloadType.includes('PRICE') ? 'EUR' : null,
    eventId,
    intervalId: 0,
    priority: null,
  };
}

/** Consecutive slots of `slotMinutes` from `start`, one per value. */
export function priceSlots(
  start: number,
  slotMinutes: number,
  values: readonly number[],
  payloadType = 'PRICE',
): SignalSegment[] {
  return values.map((v, i) =>
    aSegment(payloadType, start + i * slotMinutes * 60_000, start + (i + 1) * slotMinutes * 60_000, v, 'prices-1'),
  );
}

export function aPlannerInput(overrides: Partial<PlannerInput> = {}): PlannerInput {
  return {
    signals: [],
    rules: [],
    enrollments: [{ programId: A_PROGRAM, resources: [A_PLUG], allowDispatch: true }],
    alarms: [],
    plugs: [{ sensorId: A_PLUG, state: 'on', watts: 1200 }],
    interval: { from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2027-01-01T00:00:00Z') },
    ...overrides,
  };
}

/** A planned OFF hold of the plug for DR event `event-1`, 17:00–18:00 UTC, restored 30 s after. */
export function aPlannedHold(overrides: Partial<PlannedHold> = {}): PlannedHold {
  return {
    holdId: 'h-1',
    ruleId: A_RULE_ID,
    sensorId: A_PLUG,
    action: 'off',
    source: { kind: 'dr', eventId: 'event-1' },
    episode: 'event-1',
    from: '2026-12-07T17:00:00.000Z',
    until: '2026-12-07T18:00:00.000Z',
    hardUntil: '2026-12-07T19:00:00.000Z',
    restore: 'previous',
    restoreAt: '2026-12-07T18:00:30.000Z',
    ...overrides,
  };
}
