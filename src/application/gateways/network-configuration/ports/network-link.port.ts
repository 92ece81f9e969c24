import type { NetworkConfigurationChange } from '../../../../domain/gateways/network-configuration.events.js';

/** What came of sending one network change down a gateway's session. `report` is the coordinator's, unchecked. */
export type NetworkDelivery =
  | {
      readonly kind: 'answered';
      readonly ok: boolean;
      readonly detail: string;
      readonly report: Readonly<Record<string, unknown>> | null;
    }
  | { readonly kind: 'offline' }
  | { readonly kind: 'no_answer'; readonly detail: string };

/** The gateway link as network configuration needs it. */
export interface NetworkLink {
  isConnected(gatewayId: string): boolean;
  deliverNetworkConfiguration(gatewayId: string, change: NetworkConfigurationChange): Promise<NetworkDelivery>;
}

export const NETWORK_LINK = Symbol('NetworkLink');

/** Lets a request wake the network configuration sender instead of waiting for its next pass. */
export interface NetworkConfigurationSending {
  poke(): void;
}

export const NETWORK_CONFIGURATION_SENDING = Symbol('NetworkConfigurationSending');
