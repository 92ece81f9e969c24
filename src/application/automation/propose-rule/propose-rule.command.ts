import type { RuleSpec } from '../../../domain/automation/rule-spec.js';

/**
 * A utility suggests a rule to an owner enrolled in one of its programs. The caller (market's enrollment flow) has
 * checked the enrollment; the rule does nothing until the owner accepts this exact version.
 */
export class ProposeRule {
  constructor(
    readonly ruleId: string,
    readonly ownerId: string,
    readonly providerId: string,
    readonly programId: string,
    readonly spec: RuleSpec,
    readonly proposedBy: string,
    readonly at: Date,
    readonly correlationId: string,
  ) {}
}
