import type {
  ActuatorCommandEvent,
  ActuatorCommandRequested,
  CommandFailureReason,
  CommandOrigin,
  SwitchAction,
  SwitchState,
} from './actuator-command.events.js';
import { InvalidActuatorCommandError } from './actuator-command.errors.js';
import { assertNever, type Decider } from '../shared/decider.js';
import { expiryOf, isDue, timeoutProblems, type TimeoutLimits } from '../shared/request-lifecycle.js';

export const COMMAND_TIMEOUT_LIMITS = {
  minSeconds: 1,
  maxSeconds: 24 * 3600,
  defaultSeconds: 60,
} as const satisfies TimeoutLimits;
const REASON_MAX = 500;
const IDEMPOTENCY_KEY_MAX = 200;

// Every command carries its time: the decider has no clock.
export type ActuatorCommandCommand =
  | {
      readonly type: 'RequestActuatorCommand';
      readonly data: {
        readonly commandId: string;
        readonly sensorId: string;
        readonly gatewayId: string;
        readonly nodeId: string;
        readonly target: string;
        readonly action: SwitchAction;
        /** The actuator's last reported state, which a toggle inverts; null when never reported. */
        readonly currentState: SwitchState | null;
        readonly requestedBy: string;
        readonly origin: CommandOrigin;
        readonly reason: string;
        readonly idempotencyKey: string | null;
        readonly timeoutSeconds: number;
        readonly at: string;
      };
    }
  | { readonly type: 'DispatchActuatorCommand'; readonly data: { readonly at: string } }
  | { readonly type: 'ReturnActuatorCommand'; readonly data: { readonly detail: string; readonly at: string } }
  | {
      readonly type: 'ConfirmActuatorState';
      readonly data: {
        readonly state: SwitchState;
        readonly reportedAt: string;
        readonly receivedAt: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'FailActuatorCommand';
      readonly data: { readonly reason: CommandFailureReason; readonly detail: string; readonly at: string };
    }
  | { readonly type: 'ExpireActuatorCommand'; readonly data: { readonly at: string } };

export type CommandStatus = 'requested' | 'dispatched' | 'acknowledged' | 'failed' | 'timed_out';

export type ActuatorCommandState =
  | { readonly status: 'none' }
  | {
      readonly status: CommandStatus;
      readonly request: ActuatorCommandRequested['data'];
      readonly dispatchedAt: string | null;
      readonly finishedAt: string | null;
      readonly outcome: string | null;
    };

const initialState = (): ActuatorCommandState => ({ status: 'none' });

export function isTerminal(status: CommandStatus | 'none'): boolean {
  return status === 'acknowledged' || status === 'failed' || status === 'timed_out';
}

function evolve(state: ActuatorCommandState, event: ActuatorCommandEvent): ActuatorCommandState {
  if (event.type === 'ActuatorCommandRequested') {
    return { status: 'requested', request: event.data, dispatchedAt: null, finishedAt: null, outcome: null };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ActuatorCommandDispatched':
      return { ...state, status: 'dispatched', dispatchedAt: event.data.dispatchedAt };
    case 'ActuatorCommandUndelivered':
      return { ...state, status: 'requested', dispatchedAt: null };
    case 'ActuatorCommandAcknowledged':
      return {
        ...state,
        status: 'acknowledged',
        finishedAt: event.data.acknowledgedAt,
        outcome: `state ${event.data.state} reported at ${event.data.reportedAt}`,
      };
    case 'ActuatorCommandFailed':
      return {
        ...state,
        status: 'failed',
        finishedAt: event.data.failedAt,
        outcome: `${event.data.reason}: ${event.data.detail}`,
      };
    case 'ActuatorCommandTimedOut':
      return {
        ...state,
        status: 'timed_out',
        finishedAt: event.data.timedOutAt,
        outcome: `no outcome while ${event.data.lastStatus}`,
      };
    default:
      return assertNever(event);
  }
}

function expectedStateOf(action: SwitchAction, current: SwitchState | null): SwitchState | null {
  switch (action) {
    case 'on':
      return 1;
    case 'off':
      return 0;
    case 'toggle':
      return current === null ? null : current === 1 ? 0 : 1;
    default:
      return assertNever(action);
  }
}

function request(
  data: Extract<ActuatorCommandCommand, { type: 'RequestActuatorCommand' }>['data'],
): ActuatorCommandEvent[] {
  const [badTimeout] = timeoutProblems(data.timeoutSeconds, COMMAND_TIMEOUT_LIMITS);
  if (badTimeout !== undefined) throw new InvalidActuatorCommandError(badTimeout);
  if (data.reason.length > REASON_MAX)
    throw new InvalidActuatorCommandError(`reason is longer than ${REASON_MAX} characters`);
  if (
    data.idempotencyKey !== null &&
    (data.idempotencyKey === '' || data.idempotencyKey.length > IDEMPOTENCY_KEY_MAX)
  ) {
    throw new InvalidActuatorCommandError(`an Idempotency-Key has 1 to ${IDEMPOTENCY_KEY_MAX} characters`);
  }
  const expiresAt = expiryOf(data.at, data.timeoutSeconds);
  return [
    {
      type: 'ActuatorCommandRequested',
      data: {
        commandId: data.commandId,
        sensorId: data.sensorId,
        gatewayId: data.gatewayId,
        nodeId: data.nodeId,
        target: data.target,
        action: data.action,
        expectedState: expectedStateOf(data.action, data.currentState),
        requestedBy: data.requestedBy,
        origin: data.origin,
        reason: data.reason,
        idempotencyKey: data.idempotencyKey,
        requestedAt: data.at,
        expiresAt,
      },
    },
  ];
}

/**
 * The lifecycle of one actuator command. Commands that come too late for the state (a report after the outcome,
 * a second dispatch by another server node) decide nothing, so every caller may simply retry.
 */
function decide(command: ActuatorCommandCommand, state: ActuatorCommandState): ActuatorCommandEvent[] {
  if (command.type === 'RequestActuatorCommand') return state.status === 'none' ? request(command.data) : [];
  if (state.status === 'none' || isTerminal(state.status)) return [];
  const { commandId } = state.request;
  switch (command.type) {
    case 'DispatchActuatorCommand':
      if (state.status !== 'requested' || isDue(state.request.expiresAt, command.data.at)) return [];
      return [
        {
          type: 'ActuatorCommandDispatched',
          data: { commandId, gatewayId: state.request.gatewayId, dispatchedAt: command.data.at },
        },
      ];
    case 'ReturnActuatorCommand':
      if (state.status !== 'dispatched') return [];
      return [
        {
          type: 'ActuatorCommandUndelivered',
          data: {
            commandId,
            gatewayId: state.request.gatewayId,
            detail: command.data.detail.slice(0, REASON_MAX),
            at: command.data.at,
          },
        },
      ];
    case 'ConfirmActuatorState': {
      const { data } = command;
      // Only a report the server received after dispatch can show the command's effect.
      if (state.status !== 'dispatched' || state.dispatchedAt === null || data.receivedAt < state.dispatchedAt)
        return [];
      if (state.request.expectedState !== null && data.state !== state.request.expectedState) return [];
      return [
        {
          type: 'ActuatorCommandAcknowledged',
          data: {
            commandId,
            confirmedBy: 'report',
            state: data.state,
            reportedAt: data.reportedAt,
            acknowledgedAt: data.at,
          },
        },
      ];
    }
    case 'FailActuatorCommand':
      return [
        {
          type: 'ActuatorCommandFailed',
          data: {
            commandId,
            reason: command.data.reason,
            detail: command.data.detail.slice(0, REASON_MAX),
            failedAt: command.data.at,
          },
        },
      ];
    case 'ExpireActuatorCommand':
      if (!isDue(state.request.expiresAt, command.data.at)) return [];
      return [
        {
          type: 'ActuatorCommandTimedOut',
          data: {
            commandId,
            lastStatus: state.status === 'dispatched' ? 'dispatched' : 'requested',
            timedOutAt: command.data.at,
          },
        },
      ];
    default:
      return assertNever(command);
  }
}

export const actuatorCommandDecider: Decider<ActuatorCommandState, ActuatorCommandCommand, ActuatorCommandEvent> = {
  decide,
  evolve,
  initialState,
};
