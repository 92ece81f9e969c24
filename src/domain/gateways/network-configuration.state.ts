import type { GatewayEvent, NetworkType } from './gateway.events.js';
import type {
  NetworkConfigurationChange,
  NetworkConfigurationEvent,
  NetworkConfigurationReport,
} from './network-configuration.events.js';
import { assertNever } from '../shared/decider.js';
import { withRequest, type RequestStatus } from '../shared/request-lifecycle.js';

/** The shared request lifecycle's statuses, under the name the gateway context has always used. */
export type NetworkRequestStatus = RequestStatus;

export interface NetworkConfigurationRequest {
  readonly requestId: string;
  readonly field: string;
  readonly change: NetworkConfigurationChange;
  readonly requestedBy: string;
  readonly reason: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
  readonly status: NetworkRequestStatus;
  readonly outcome: string | null;
  readonly applied: NetworkConfigurationReport | null;
}

/** Only what network configuration needs of the gateway's own events. */
export type NetworkGateway =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registered' | 'decommissioned'; readonly gatewayId: string; readonly networkType: NetworkType };

export interface NetworkConfigurationState {
  readonly gateway: NetworkGateway;
  readonly requests: Readonly<Record<string, NetworkConfigurationRequest>>;
}

export const initialState = (): NetworkConfigurationState => ({ gateway: { status: 'unregistered' }, requests: {} });

const TIMED_OUT = 'no answer from the gateway in time';

/** Folds the gateway stream: its registration and decommission, and every network configuration step. */
export function evolve(
  state: NetworkConfigurationState,
  event: GatewayEvent | NetworkConfigurationEvent,
): NetworkConfigurationState {
  switch (event.type) {
    case 'GatewayRegistered':
      return {
        ...state,
        gateway: { status: 'registered', gatewayId: event.data.gatewayId, networkType: event.data.networkType },
      };
    case 'GatewayDecommissioned':
      return state.gateway.status === 'unregistered'
        ? state
        : { ...state, gateway: { ...state.gateway, status: 'decommissioned' } };
    case 'GatewayDetailsChanged':
    case 'NetworkKeyRotated':
    case 'GatewayOwnerChanged':
    case 'OwnershipPeriodErased':
    case 'LinkSessionOpened':
    case 'LinkSessionClosed':
    case 'LinkConnectionRefused':
      return state;
    case 'NetworkConfigurationRequested': {
      const { data } = event;
      const request: NetworkConfigurationRequest = {
        requestId: data.requestId,
        field: data.field,
        change: data.change,
        requestedBy: data.requestedBy,
        reason: data.reason,
        requestedAt: data.requestedAt,
        expiresAt: data.expiresAt,
        status: 'requested',
        outcome: null,
        applied: null,
      };
      return { ...state, requests: { ...state.requests, [data.requestId]: request } };
    }
    case 'NetworkConfigurationSent':
      return withRequest(state, event.data.requestId, { status: 'sent' });
    case 'NetworkConfigurationApplied':
      return withRequest(state, event.data.requestId, {
        status: 'applied',
        outcome: event.data.confirmation,
        applied: event.data.applied,
      });
    case 'NetworkConfigurationRejected':
      return withRequest(state, event.data.requestId, { status: 'rejected', outcome: event.data.detail });
    case 'NetworkConfigurationTimedOut':
      return withRequest(state, event.data.requestId, { status: 'timed_out', outcome: TIMED_OUT });
    default:
      return assertNever(event);
  }
}
