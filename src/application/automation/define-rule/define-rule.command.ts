import type { Principal } from '../../../domain/access/principal.js';
import type { RuleSpec } from '../../../domain/automation/rule-spec.js';

export class DefineRule {
  constructor(
    readonly principal: Principal,
    readonly spec: RuleSpec,
    readonly enabled: boolean,
    readonly at: Date,
    readonly correlationId: string,
  ) {}
}
