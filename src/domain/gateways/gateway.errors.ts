/** Base of the gateway context's typed errors; interfaces map `code` to a transport status. */
export abstract class GatewayError extends Error {
  abstract readonly code:
    | 'already_registered'
    | 'not_found'
    | 'decommissioned'
    | 'invalid_registration'
    | 'no_closed_period'
    | 'owner_still_current';
}

export class GatewayAlreadyRegisteredError extends GatewayError {
  override readonly name = 'GatewayAlreadyRegisteredError';
  readonly code = 'already_registered' as const;
  constructor(readonly gatewayId: string) {
    super(`gateway ${gatewayId} is already registered`);
  }
}

export class GatewayNotFoundError extends GatewayError {
  override readonly name = 'GatewayNotFoundError';
  readonly code = 'not_found' as const;
  constructor(readonly gatewayId: string) {
    super(`gateway ${gatewayId} does not exist`);
  }
}

export class GatewayDecommissionedError extends GatewayError {
  override readonly name = 'GatewayDecommissionedError';
  readonly code = 'decommissioned' as const;
  constructor(readonly gatewayId: string) {
    super(`gateway ${gatewayId} is decommissioned`);
  }
}

export class InvalidGatewayRegistrationError extends GatewayError {
  override readonly name = 'InvalidGatewayRegistrationError';
  readonly code = 'invalid_registration' as const;
  constructor(readonly problems: readonly string[]) {
    super(`invalid gateway registration: ${problems.join('; ')}`);
  }
}

/** Erasure names a user who never owned the gateway, or only holds a period that has not ended. */
export class NoClosedOwnershipPeriodError extends GatewayError {
  override readonly name = 'NoClosedOwnershipPeriodError';
  readonly code = 'no_closed_period' as const;
  constructor(
    readonly gatewayId: string,
    readonly ownerId: string,
  ) {
    super(`user ${ownerId} has no ended ownership period of gateway ${gatewayId}`);
  }
}

/** The current owner's data keeps flowing into their period: hand the gateway over before erasing it. */
export class OwnerStillCurrentError extends GatewayError {
  override readonly name = 'OwnerStillCurrentError';
  readonly code = 'owner_still_current' as const;
  constructor(
    readonly gatewayId: string,
    readonly ownerId: string,
  ) {
    super(`user ${ownerId} owns gateway ${gatewayId} now; erasure applies to former owners' periods only`);
  }
}
