/** Base of the network configuration errors; interfaces map `code` to a transport status. */
export abstract class NetworkConfigurationError extends Error {
  abstract readonly code: 'invalid_network_configuration' | 'network_not_configurable' | 'unknown_network_request';
}

export class InvalidNetworkConfigurationError extends NetworkConfigurationError {
  override readonly name = 'InvalidNetworkConfigurationError';
  readonly code = 'invalid_network_configuration' as const;
}

/** The gateway's network type has no network settings the server can change. */
export class NetworkNotConfigurableError extends NetworkConfigurationError {
  override readonly name = 'NetworkNotConfigurableError';
  readonly code = 'network_not_configurable' as const;
  constructor(
    readonly gatewayId: string,
    readonly networkType: string,
  ) {
    super(
      networkType === 'zigbee2mqtt'
        ? `gateway ${gatewayId} is a zigbee2mqtt gateway: zigbee2mqtt moves its network to another channel only from its own configuration and a restart (and most devices must then be paired again), so the channel is set there; permit join works through its bridge`
        : `gateway ${gatewayId} runs a ${networkType} network: permit join and channel changes are for ZigBee gateways only`,
    );
  }
}

export class UnknownNetworkConfigurationRequestError extends NetworkConfigurationError {
  override readonly name = 'UnknownNetworkConfigurationRequestError';
  readonly code = 'unknown_network_request' as const;
  constructor(readonly requestId: string) {
    super(`network configuration request ${requestId} is unknown on this gateway`);
  }
}
