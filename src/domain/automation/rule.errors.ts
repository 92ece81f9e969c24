/** Base of the automation context's typed errors; interfaces map `code` to a transport status. */
export abstract class AutomationError extends Error {
  abstract readonly code: 'not_found' | 'already_exists' | 'invalid_rule' | 'version_conflict' | 'not_allowed';
}

/** Unknown, deleted, or someone else's: answered alike so existence does not leak. */
export class RuleNotFoundError extends AutomationError {
  override readonly name = 'RuleNotFoundError';
  readonly code = 'not_found' as const;
  constructor(readonly ruleId: string) {
    super(`rule ${ruleId} not found`);
  }
}

export class RuleAlreadyExistsError extends AutomationError {
  override readonly name = 'RuleAlreadyExistsError';
  readonly code = 'already_exists' as const;
  constructor(readonly ruleId: string) {
    super(`rule ${ruleId} already exists`);
  }
}

export class InvalidRuleError extends AutomationError {
  override readonly name = 'InvalidRuleError';
  readonly code = 'invalid_rule' as const;
  constructor(readonly problems: readonly string[]) {
    super(`invalid rule: ${problems.join('; ')}`);
  }
}

/** The caller acted on a version that is no longer the newest (an edit, or an acceptance of a revised proposal). */
export class RuleVersionConflictError extends AutomationError {
  override readonly name = 'RuleVersionConflictError';
  readonly code = 'version_conflict' as const;
  constructor(
    readonly ruleId: string,
    detail: string,
  ) {
    super(`rule ${ruleId}: ${detail}`);
  }
}

/** A step the rule's state does not allow (accepting a rule that awaits no acceptance, a provider editing an owner's rule). */
export class RuleActionNotAllowedError extends AutomationError {
  override readonly name = 'RuleActionNotAllowedError';
  readonly code = 'not_allowed' as const;
  constructor(
    readonly ruleId: string,
    detail: string,
  ) {
    super(`rule ${ruleId}: ${detail}`);
  }
}
