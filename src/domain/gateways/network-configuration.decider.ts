import { GatewayDecommissionedError, GatewayNotFoundError } from './gateway.errors.js';
import type { GatewayEvent, NetworkType } from './gateway.events.js';
import {
  NETWORK_CONFIGURATION_TIMEOUT_LIMITS,
  type NetworkConfigurationCommand,
} from './network-configuration.commands.js';
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
import {
  evolve,
  initialState,
  type NetworkConfigurationRequest,
  type NetworkConfigurationState,
} from './network-configuration.state.js';
import { networkChangeProblems, networkReportProblems } from './network-configuration.validation.js';
import { assertNever, type Decider } from '../shared/decider.js';
import { DETAIL_MAX, expiryOf, isDue, openRequest, timeoutProblems } from '../shared/request-lifecycle.js';

// Callers import the commands, the limits and the state shapes from the decider, as before the split.
export {
  NETWORK_CONFIGURATION_TIMEOUT_LIMITS,
  type NetworkConfigurationCommand,
} from './network-configuration.commands.js';
export type {
  NetworkConfigurationRequest,
  NetworkConfigurationState,
  NetworkGateway,
  NetworkRequestStatus,
} from './network-configuration.state.js';

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
