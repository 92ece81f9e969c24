import type { ActuatorCommandState } from '../../domain/control/actuator-command.decider.js';
import { originOf, type CommandOrigin } from '../../domain/control/actuator-command.events.js';

export interface ActuatorCommandView {
  readonly commandId: string;
  readonly sensorId: string;
  readonly gatewayId: string;
  readonly nodeId: string;
  readonly action: string;
  readonly status: string;
  readonly expectedState: number | null;
  readonly requestedBy: string;
  readonly origin: CommandOrigin;
  readonly reason: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
  readonly dispatchedAt: string | null;
  readonly finishedAt: string | null;
  readonly outcome: string | null;
}

export function commandView(state: Exclude<ActuatorCommandState, { status: 'none' }>): ActuatorCommandView {
  const { request } = state;
  return {
    commandId: request.commandId,
    sensorId: request.sensorId,
    gatewayId: request.gatewayId,
    nodeId: request.nodeId,
    action: request.action,
    status: state.status,
    expectedState: request.expectedState,
    requestedBy: request.requestedBy,
    origin: originOf(request),
    reason: request.reason,
    requestedAt: request.requestedAt,
    expiresAt: request.expiresAt,
    dispatchedAt: state.dispatchedAt,
    finishedAt: state.finishedAt,
    outcome: state.outcome,
  };
}
