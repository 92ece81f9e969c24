/** A network change the caller waited for was rejected (the gateway's, the coordinator's or the driver's reason). */
export class NetworkConfigurationRefusedError extends Error {
  override readonly name = 'NetworkConfigurationRefusedError';
  constructor(
    readonly requestId: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** A network change the caller waited for expired before the gateway answered. */
export class NetworkConfigurationTimedOutError extends Error {
  override readonly name = 'NetworkConfigurationTimedOutError';
  constructor(
    readonly requestId: string,
    readonly gatewayId: string,
  ) {
    super(`gateway ${gatewayId} did not confirm network configuration request ${requestId} before it expired`);
  }
}
