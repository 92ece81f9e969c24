export abstract class NodeConfigurationError extends Error {
  abstract readonly code: 'invalid_configuration' | 'unknown_request';
}

export class InvalidNodeConfigurationError extends NodeConfigurationError {
  override readonly name = 'InvalidNodeConfigurationError';
  readonly code = 'invalid_configuration' as const;
}

export class UnknownConfigurationRequestError extends NodeConfigurationError {
  override readonly name = 'UnknownConfigurationRequestError';
  readonly code = 'unknown_request' as const;
  constructor(readonly requestId: string) {
    super(`configuration request ${requestId} is unknown on this node`);
  }
}
