import type { Principal } from '../../../domain/access/principal.js';
import type { RuleSpec } from '../../../domain/automation/rule-spec.js';
import type { RuleView } from '../rule-view.js';

export type RuleChange =
  | { readonly kind: 'revise'; readonly spec: RuleSpec; readonly expectedVersion?: number }
  | { readonly kind: 'enable' }
  | { readonly kind: 'disable'; readonly reason?: string }
  | { readonly kind: 'accept'; readonly specHash: string }
  | { readonly kind: 'decline'; readonly specHash: string; readonly reason?: string }
  | { readonly kind: 'delete' };

export class ChangeRule {
  constructor(
    readonly principal: Principal,
    readonly ruleId: string,
    readonly change: RuleChange,
    readonly at: Date,
    readonly correlationId: string,
  ) {}
}

/** The rule as it now is; null once deleted. */
export interface ChangedRule {
  readonly view: RuleView | null;
}
