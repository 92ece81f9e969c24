/** Base of the gateway context's typed errors; interfaces map `code` to a transport status. */
export abstract class GatewayError extends Error {
  abstract readonly code: 'already_registered' | 'not_found' | 'decommissioned' | 'invalid_registration';
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
