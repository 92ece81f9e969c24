import type { DomainEvent } from '../shared/event.js';
import type { RuleSpec } from './rule-spec.js';

/**
 * `rule-<ruleId>` (MARKET.md §4.4). `specHash` names one exact version of a spec: a rule a utility proposes acts only
 * once its owner accepted the version with that hash, and a revision of the proposal needs a new acceptance.
 */
export type AutomationRuleDefined = DomainEvent<
  'AutomationRuleDefined',
  {
    readonly ruleId: string;
    readonly ownerId: string;
    readonly spec: RuleSpec;
    readonly specHash: string;
    readonly enabled: boolean;
    readonly definedBy: string;
    readonly at: string;
  }
>;

export type AutomationRuleProposed = DomainEvent<
  'AutomationRuleProposed',
  {
    readonly ruleId: string;
    readonly ownerId: string;
    readonly providerId: string;
    readonly programId: string;
    readonly spec: RuleSpec;
    readonly specHash: string;
    readonly proposedBy: string;
    readonly at: string;
  }
>;

export type AutomationRuleAccepted = DomainEvent<
  'AutomationRuleAccepted',
  { readonly ruleId: string; readonly specHash: string; readonly acceptedBy: string; readonly at: string }
>;

export type AutomationRuleDeclined = DomainEvent<
  'AutomationRuleDeclined',
  {
    readonly ruleId: string;
    readonly specHash: string;
    readonly declinedBy: string;
    readonly reason?: string;
    readonly at: string;
  }
>;

/** `by: 'provider'` revises a proposal (back to awaiting the owner); `by: 'owner'` is the owner's own version. */
export type AutomationRuleRevised = DomainEvent<
  'AutomationRuleRevised',
  {
    readonly ruleId: string;
    readonly spec: RuleSpec;
    readonly specHash: string;
    readonly by: 'owner' | 'provider';
    readonly revisedBy: string;
    readonly at: string;
  }
>;

export type AutomationRuleEnabled = DomainEvent<
  'AutomationRuleEnabled',
  { readonly ruleId: string; readonly enabledBy: string; readonly at: string }
>;

export type AutomationRuleDisabled = DomainEvent<
  'AutomationRuleDisabled',
  { readonly ruleId: string; readonly reason?: string; readonly disabledBy: string; readonly at: string }
>;

export type AutomationRuleDeleted = DomainEvent<
  'AutomationRuleDeleted',
  { readonly ruleId: string; readonly deletedBy: string; readonly at: string }
>;

export type AutomationRuleEvent =
  | AutomationRuleDefined
  | AutomationRuleProposed
  | AutomationRuleAccepted
  | AutomationRuleDeclined
  | AutomationRuleRevised
  | AutomationRuleEnabled
  | AutomationRuleDisabled
  | AutomationRuleDeleted;

export type AutomationRuleEventType = AutomationRuleEvent['type'];

/** The stored type names of a rule's stream. */
export const AUTOMATION_RULE_EVENT_TYPES: readonly AutomationRuleEventType[] = [
  'AutomationRuleDefined',
  'AutomationRuleProposed',
  'AutomationRuleAccepted',
  'AutomationRuleDeclined',
  'AutomationRuleRevised',
  'AutomationRuleEnabled',
  'AutomationRuleDisabled',
  'AutomationRuleDeleted',
];

export function isAutomationRuleEvent(event: {
  readonly type: string;
  readonly data: unknown;
}): event is AutomationRuleEvent {
  return (AUTOMATION_RULE_EVENT_TYPES as readonly string[]).includes(event.type);
}
