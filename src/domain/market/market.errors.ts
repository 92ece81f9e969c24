/** Base of the market context's typed domain errors; interfaces map `code` to a transport status. */
export abstract class MarketDomainError extends Error {
  abstract readonly code: 'invalid' | 'not_found' | 'conflict';
}

/** A request body that breaks the OpenADR schema or Wattlog's limits: every problem, with its JSON path. */
export class InvalidMarketInputError extends MarketDomainError {
  override readonly name = 'InvalidMarketInputError';
  readonly code = 'invalid' as const;
  constructor(
    what: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid ${what}: ${problems.length > 0 ? problems.slice(0, 10).join('; ') : 'malformed'}`);
  }
}

/** An object that does not exist or that the caller may not see: answered alike. */
export class MarketObjectNotFoundError extends MarketDomainError {
  override readonly name = 'MarketObjectNotFoundError';
  readonly code = 'not_found' as const;
  constructor(
    readonly objectType: 'program' | 'event' | 'subscription' | 'ven' | 'resource' | 'report' | 'enrollment',
    readonly id: string,
  ) {
    super(`${objectType} ${id} does not exist`);
  }
}

/** A duplicate name, or a reference to an object that is not there (OpenADR answers both with 409). */
export class MarketConflictError extends MarketDomainError {
  override readonly name = 'MarketConflictError';
  readonly code = 'conflict' as const;
}
