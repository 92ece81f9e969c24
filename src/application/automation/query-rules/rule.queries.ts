import type { Principal } from '../../../domain/access/principal.js';
import type { RuleSpec } from '../../../domain/automation/rule-spec.js';

export class ListRules {
  constructor(readonly principal: Principal) {}
}

export class GetRule {
  constructor(
    readonly principal: Principal,
    readonly ruleId: string,
  ) {}
}

/** The plan of the caller's rules in force (and of a draft, when given) over `[from, to)`. */
export class DryRunRules {
  constructor(
    readonly principal: Principal,
    readonly from: Date,
    readonly to: Date,
    readonly draft: RuleSpec | null,
    readonly onlyDraft: boolean,
  ) {}
}
