import type { NetworkConfigurationChange, NetworkConfigurationReport } from './network-configuration.events.js';
import type { TimeoutLimits } from '../shared/request-lifecycle.js';

export const NETWORK_CONFIGURATION_TIMEOUT_LIMITS = {
  minSeconds: 1,
  maxSeconds: 24 * 3600,
  defaultSeconds: 120,
} as const satisfies TimeoutLimits;

export type NetworkConfigurationCommand =
  | {
      readonly type: 'RequestNetworkConfiguration';
      readonly data: {
        readonly requestId: string;
        readonly gatewayId: string;
        readonly change: NetworkConfigurationChange;
        readonly requestedBy: string;
        readonly reason: string;
        readonly timeoutSeconds: number;
        readonly at: string;
      };
    }
  | {
      readonly type: 'MarkNetworkConfigurationSent';
      readonly data: { readonly requestId: string; readonly at: string };
    }
  | {
      readonly type: 'ApplyNetworkConfiguration';
      readonly data: {
        readonly requestId: string;
        readonly report: NetworkConfigurationReport;
        readonly confirmation: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'RejectNetworkConfiguration';
      readonly data: { readonly requestId: string; readonly detail: string; readonly at: string };
    }
  | { readonly type: 'ExpireNetworkConfiguration'; readonly data: { readonly requestId: string; readonly at: string } };
