import { GatewayDecommissionedError, GatewayNotFoundError } from './gateway.errors.js';
import type { GatewayEvent, NetworkType } from './gateway.events.js';
import {
  InvalidNetworkConfigurationError,
  NetworkNotConfigurableError,
  UnknownNetworkConfigurationRequestError,
} from './network-configuration.errors.js';
import {
  networkFieldOf,
  type NetworkConfigurationChange,
  type NetworkConfigurationEvent,
  type NetworkConfigurationReport,
} from './network-configuration.events.js';
import { networkChangeProblems, networkReportProblems } from './network-configuration.validation.js';
import { assertNever, type Decider } from '../shared/decider.js';
import {
  DETAIL_MAX,
  expiryOf,
  isDue,
  openRequest,
  timeoutProblems,
  withRequest,
  type RequestStatus,
  type TimeoutLimits,
} from '../shared/request-lifecycle.js';

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

const initialState = (): NetworkConfigurationState => ({ gateway: { status: 'unregistered' }, requests: {} });

const TIMED_OUT = 'no answer from the gateway in time';

/** Folds the gateway stream: its registration and decommission, and every network configuration step. */
function evolve(
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

/** Why a report does not confirm the change asked for; null when it does. */
function disagreement(change: NetworkConfigurationChange, report: NetworkConfigurationReport): string | null {
  if (change.kind !== report.kind) return `the gateway reported ${report.kind} for a ${change.kind} request`;
  const problems = networkReportProblems(report);
  if (problems.length > 0) return `the gateway's report is not valid: ${problems.join('; ')}`;
  if (change.kind === 'channel' && report.kind === 'channel' && report.channel !== change.channel) {
    return `the coordinator reports channel ${report.channel}, not ${change.channel}`;
  }
  if (change.kind === 'permit_join' && report.kind === 'permit_join' && report.open !== change.seconds > 0) {
    return report.open ? 'the coordinator reports joining still open' : 'the coordinator reports joining closed';
  }
  return null;
}

function open(state: NetworkConfigurationState, requestId: string): NetworkConfigurationRequest | null {
  return openRequest(state.requests, requestId, (id) => new UnknownNetworkConfigurationRequestError(id));
}

/** ZigBee gateways run their coordinator; a zigbee2mqtt bridge opens joining on request but keeps its channel. */
function takesNetworkChange(networkType: NetworkType, change: NetworkConfigurationChange): boolean {
  return networkType === 'zigbee' || (networkType === 'zigbee2mqtt' && change.kind === 'permit_join');
}

function gatewayIdOf(state: NetworkConfigurationState): string {
  return state.gateway.status === 'unregistered' ? '' : state.gateway.gatewayId;
}

/**
 * Only a registered ZigBee gateway takes network changes. Applied needs the coordinator's report to confirm what was
 * asked for; a report that does not is a rejection naming the difference. Steps too late for a request decide nothing.
 */
function decide(command: NetworkConfigurationCommand, state: NetworkConfigurationState): NetworkConfigurationEvent[] {
  switch (command.type) {
    case 'RequestNetworkConfiguration': {
      const { data } = command;
      const { gateway } = state;
      if (gateway.status === 'unregistered') throw new GatewayNotFoundError(data.gatewayId);
      if (gateway.status === 'decommissioned') throw new GatewayDecommissionedError(data.gatewayId);
      if (!takesNetworkChange(gateway.networkType, data.change))
        throw new NetworkNotConfigurableError(data.gatewayId, gateway.networkType);
      if (state.requests[data.requestId]) return [];
      const problems = [
        ...networkChangeProblems(data.change),
        ...timeoutProblems(data.timeoutSeconds, NETWORK_CONFIGURATION_TIMEOUT_LIMITS),
      ];
      if (data.reason.length > DETAIL_MAX) problems.push(`reason is longer than ${DETAIL_MAX} characters`);
      if (problems.length > 0) throw new InvalidNetworkConfigurationError(problems.join('; '));
      return [
        {
          type: 'NetworkConfigurationRequested',
          data: {
            requestId: data.requestId,
            gatewayId: data.gatewayId,
            field: networkFieldOf(data.change),
            change: data.change,
            requestedBy: data.requestedBy,
            reason: data.reason,
            requestedAt: data.at,
            expiresAt: expiryOf(data.at, data.timeoutSeconds),
          },
        },
      ];
    }
    case 'MarkNetworkConfigurationSent': {
      const request = open(state, command.data.requestId);
      if (!request || request.status !== 'requested') return [];
      return [
        {
          type: 'NetworkConfigurationSent',
          data: {
            requestId: request.requestId,
            gatewayId: gatewayIdOf(state),
            field: request.field,
            sentAt: command.data.at,
          },
        },
      ];
    }
    case 'ApplyNetworkConfiguration': {
      const request = open(state, command.data.requestId);
      if (!request) return [];
      const { report, at } = command.data;
      const refused = disagreement(request.change, report);
      if (refused !== null) {
        return [
          {
            type: 'NetworkConfigurationRejected',
            data: {
              requestId: request.requestId,
              gatewayId: gatewayIdOf(state),
              field: request.field,
              detail: refused,
              rejectedAt: at,
            },
          },
        ];
      }
      return [
        {
          type: 'NetworkConfigurationApplied',
          data: {
            requestId: request.requestId,
            gatewayId: gatewayIdOf(state),
            field: request.field,
            requestedBy: request.requestedBy,
            change: request.change,
            applied: report,
            confirmation: command.data.confirmation.slice(0, DETAIL_MAX),
            appliedAt: at,
          },
        },
      ];
    }
    case 'RejectNetworkConfiguration': {
      const request = open(state, command.data.requestId);
      if (!request) return [];
      const detail = command.data.detail.slice(0, DETAIL_MAX);
      return [
        {
          type: 'NetworkConfigurationRejected',
          data: {
            requestId: request.requestId,
            gatewayId: gatewayIdOf(state),
            field: request.field,
            detail,
            rejectedAt: command.data.at,
          },
        },
      ];
    }
    case 'ExpireNetworkConfiguration': {
      const request = open(state, command.data.requestId);
      if (!request || !isDue(request.expiresAt, command.data.at)) return [];
      return [
        {
          type: 'NetworkConfigurationTimedOut',
          data: {
            requestId: request.requestId,
            gatewayId: gatewayIdOf(state),
            field: request.field,
            timedOutAt: command.data.at,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export const networkConfigurationDecider: Decider<
  NetworkConfigurationState,
  NetworkConfigurationCommand,
  GatewayEvent | NetworkConfigurationEvent
> = { decide, evolve, initialState };
