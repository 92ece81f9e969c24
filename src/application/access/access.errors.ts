/** The object does not exist or the caller may not see it; interfaces answer 404 for both alike. */
export class ObjectNotVisibleError extends Error {
  constructor(
    readonly objectKind: string,
    readonly objectId: string,
  ) {
    super(`${objectKind} ${objectId} not found`);
    this.name = 'ObjectNotVisibleError';
  }
}

/** An admin-only operation asked by someone else (403). */
export class AdminRequiredError extends Error {
  constructor(readonly operation: string) {
    super(`${operation} requires the admin role`);
    this.name = 'AdminRequiredError';
  }
}

/** No valid credentials at all (401). */
export class NotAuthenticatedError extends Error {
  constructor() {
    super('authentication required');
    this.name = 'NotAuthenticatedError';
  }
}
