import type { RuleAcceptance, RuleOrigin } from '../../domain/automation/rule.decider.js';
import type { RuleSpec } from '../../domain/automation/rule-spec.js';

/** A rule as its owner (or the provider that proposed it) reads it. */
export interface RuleView {
  readonly ruleId: string;
  readonly ownerId: string;
  readonly origin: RuleOrigin;
  readonly spec: RuleSpec;
  /** The exact version: what an acceptance names. */
  readonly specHash: string;
  readonly acceptance: RuleAcceptance;
  readonly enabled: boolean;
  /** Enabled and its current version accepted: the planner uses it. */
  readonly inForce: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RulePage {
  readonly items: readonly RuleView[];
}
