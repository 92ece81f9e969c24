import type { Principal } from '../../../../domain/access/principal.js';
import type { NetworkRequestStatus } from '../../../../domain/gateways/network-configuration.decider.js';
import type {
  NetworkConfigurationChange,
  NetworkConfigurationReport,
} from '../../../../domain/gateways/network-configuration.events.js';

export class RequestNetworkConfiguration {
  constructor(
    readonly principal: Principal,
    readonly gatewayId: string,
    readonly input: {
      readonly change: NetworkConfigurationChange;
      readonly reason: string;
      readonly timeoutSeconds: number;
    },
    readonly at: Date,
    readonly correlationId: string,
    /** When the gateway is connected, wait up to this long for the outcome before answering; 0 answers at once. */
    readonly waitMs = 0,
  ) {}
}

export interface RequestedNetworkConfiguration {
  readonly requestId: string;
  readonly gatewayId: string;
  readonly field: string;
  /** `requested` or `sent` while it waits; the outcome once there is one. */
  readonly status: NetworkRequestStatus;
  readonly expiresAt: string;
  /** The coordinator's confirmation or the reason for a rejection; null while waiting. */
  readonly outcome: string | null;
  /** What the coordinator reported once applied; null otherwise. */
  readonly applied: NetworkConfigurationReport | null;
}
