import {
  REPORTABLE_QUANTITIES,
  fieldOf,
  type NodeConfigurationChange,
  type NodeConfigurationEvent,
} from './node-configuration.events.js';
import { InvalidNodeConfigurationError, UnknownConfigurationRequestError } from './node-configuration.errors.js';
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

export const CONFIGURATION_TIMEOUT_LIMITS = {
  minSeconds: 1,
  maxSeconds: 7 * 24 * 3600,
  defaultSeconds: 300,
} as const satisfies TimeoutLimits;

export type NodeConfigurationCommand =
  | {
      readonly type: 'RequestNodeConfiguration';
      readonly data: {
        readonly requestId: string;
        readonly nodeId: string;
        readonly gatewayId: string;
        readonly change: NodeConfigurationChange;
        readonly requestedBy: string;
        readonly reason: string;
        readonly timeoutSeconds: number;
        readonly at: string;
      };
    }
  | { readonly type: 'MarkConfigurationSent'; readonly data: { readonly requestId: string; readonly at: string } }
  | {
      readonly type: 'ApplyConfiguration';
      readonly data: {
        readonly requestId: string;
        readonly applied: NodeConfigurationChange;
        readonly confirmation: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'RejectConfiguration';
      readonly data: { readonly requestId: string; readonly detail: string; readonly at: string };
    }
  | { readonly type: 'ExpireConfiguration'; readonly data: { readonly requestId: string; readonly at: string } };

export interface ConfigurationRequest {
  readonly requestId: string;
  readonly gatewayId: string;
  readonly field: string;
  readonly change: NodeConfigurationChange;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
  readonly status: RequestStatus;
  readonly outcome: string | null;
}

/** A field's value with who set it and when. */
export interface FieldValue {
  readonly value: NodeConfigurationChange;
  readonly requestId: string;
  readonly by: string;
  readonly at: string;
}

export interface NodeConfigurationState {
  readonly nodeId: string | null;
  readonly requests: Readonly<Record<string, ConfigurationRequest>>;
  /** What was last asked for, per field. */
  readonly desired: Readonly<Record<string, FieldValue>>;
  /** What the device last confirmed, per field. */
  readonly applied: Readonly<Record<string, FieldValue>>;
}

const initialState = (): NodeConfigurationState => ({ nodeId: null, requests: {}, desired: {}, applied: {} });

function evolve(state: NodeConfigurationState, event: NodeConfigurationEvent): NodeConfigurationState {
  switch (event.type) {
    case 'NodeConfigurationRequested': {
      const { data } = event;
      const request: ConfigurationRequest = {
        requestId: data.requestId,
        gatewayId: data.gatewayId,
        field: data.field,
        change: data.change,
        requestedBy: data.requestedBy,
        requestedAt: data.requestedAt,
        expiresAt: data.expiresAt,
        status: 'requested',
        outcome: null,
      };
      return {
        nodeId: data.nodeId,
        requests: { ...state.requests, [data.requestId]: request },
        desired: {
          ...state.desired,
          [data.field]: { value: data.change, requestId: data.requestId, by: data.requestedBy, at: data.requestedAt },
        },
        applied: state.applied,
      };
    }
    case 'NodeConfigurationSent':
      return withRequest(state, event.data.requestId, { status: 'sent' });
    case 'NodeConfigurationApplied': {
      const next = withRequest(state, event.data.requestId, { status: 'applied', outcome: event.data.confirmation });
      return {
        ...next,
        applied: {
          ...state.applied,
          [event.data.field]: {
            value: event.data.applied,
            requestId: event.data.requestId,
            by: event.data.requestedBy,
            at: event.data.appliedAt,
          },
        },
      };
    }
    case 'NodeConfigurationRejected':
      return withRequest(state, event.data.requestId, { status: 'rejected', outcome: event.data.detail });
    case 'NodeConfigurationTimedOut':
      return withRequest(state, event.data.requestId, {
        status: 'timed_out',
        outcome: 'no answer from the device in time',
      });
    default:
      return assertNever(event);
  }
}

function integerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function finiteIn(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

/** Why a change cannot be asked for; empty when it can. */
export function changeProblems(change: NodeConfigurationChange): string[] {
  switch (change.kind) {
    case 'reporting': {
      const problems: string[] = [];
      if (!(REPORTABLE_QUANTITIES as readonly string[]).includes(change.quantity))
        problems.push(`quantity must be one of ${REPORTABLE_QUANTITIES.join(', ')}`);
      if (!integerIn(change.minIntervalS, 0, 65535)) problems.push('minIntervalS must be an integer from 0 to 65535');
      if (!integerIn(change.maxIntervalS, 1, 65535)) problems.push('maxIntervalS must be an integer from 1 to 65535');
      if (change.minIntervalS > change.maxIntervalS) problems.push('minIntervalS must not exceed maxIntervalS');
      if (!finiteIn(change.reportableChange, 0, 2 ** 31)) problems.push('reportableChange must be a number from 0');
      return problems;
    }
    case 'alarm_power_above':
      return [
        ...(finiteIn(change.thresholdW, 0, 1e9) && change.thresholdW > 0
          ? []
          : ['thresholdW must be a positive number of watts']),
        ...(integerIn(change.forSeconds, 0, 86400) ? [] : ['forSeconds must be an integer from 0 to 86400']),
      ];
    case 'alarm_voltage_band':
      return finiteIn(change.minV, 0, 1000) && finiteIn(change.maxV, 0, 1000) && change.minV < change.maxV
        ? []
        : ['minV and maxV must be volts from 0 to 1000 with minV < maxV'];
    case 'firmware_update':
      return /^[A-Za-z0-9._+-]{1,64}$/.test(change.version)
        ? []
        : ['version must be 1 to 64 letters, digits, ".", "_", "+" or "-"'];
    case 'poll_interval':
      return integerIn(change.seconds, 1, 86400) ? [] : ['seconds must be an integer from 1 to 86400'];
    default:
      return assertNever(change);
  }
}

function open(state: NodeConfigurationState, requestId: string): ConfigurationRequest | null {
  return openRequest(state.requests, requestId, (id) => new UnknownConfigurationRequestError(id));
}

/** Steps that come too late for a request (a second answer, an expiry after the outcome) decide nothing. */
function decide(command: NodeConfigurationCommand, state: NodeConfigurationState): NodeConfigurationEvent[] {
  switch (command.type) {
    case 'RequestNodeConfiguration': {
      const { data } = command;
      if (state.requests[data.requestId]) return [];
      const problems = [
        ...changeProblems(data.change),
        ...timeoutProblems(data.timeoutSeconds, CONFIGURATION_TIMEOUT_LIMITS),
      ];
      if (data.reason.length > DETAIL_MAX) problems.push(`reason is longer than ${DETAIL_MAX} characters`);
      if (problems.length > 0) throw new InvalidNodeConfigurationError(problems.join('; '));
      return [
        {
          type: 'NodeConfigurationRequested',
          data: {
            requestId: data.requestId,
            nodeId: data.nodeId,
            gatewayId: data.gatewayId,
            field: fieldOf(data.change),
            change: data.change,
            requestedBy: data.requestedBy,
            reason: data.reason,
            requestedAt: data.at,
            expiresAt: expiryOf(data.at, data.timeoutSeconds),
          },
        },
      ];
    }
    case 'MarkConfigurationSent': {
      const request = open(state, command.data.requestId);
      if (!request || request.status !== 'requested') return [];
      return [
        {
          type: 'NodeConfigurationSent',
          data: { requestId: request.requestId, nodeId: state.nodeId ?? '', sentAt: command.data.at },
        },
      ];
    }
    case 'ApplyConfiguration': {
      const request = open(state, command.data.requestId);
      if (!request) return [];
      if (fieldOf(command.data.applied) !== request.field)
        throw new InvalidNodeConfigurationError(
          `the confirmation is for ${fieldOf(command.data.applied)}, the request for ${request.field}`,
        );
      return [
        {
          type: 'NodeConfigurationApplied',
          data: {
            requestId: request.requestId,
            nodeId: state.nodeId ?? '',
            field: request.field,
            requestedBy: request.requestedBy,
            applied: command.data.applied,
            confirmation: command.data.confirmation.slice(0, DETAIL_MAX),
            appliedAt: command.data.at,
          },
        },
      ];
    }
    case 'RejectConfiguration': {
      const request = open(state, command.data.requestId);
      if (!request) return [];
      return [
        {
          type: 'NodeConfigurationRejected',
          data: {
            requestId: request.requestId,
            nodeId: state.nodeId ?? '',
            field: request.field,
            detail: command.data.detail.slice(0, DETAIL_MAX),
            rejectedAt: command.data.at,
          },
        },
      ];
    }
    case 'ExpireConfiguration': {
      const request = open(state, command.data.requestId);
      if (!request || !isDue(request.expiresAt, command.data.at)) return [];
      return [
        {
          type: 'NodeConfigurationTimedOut',
          data: {
            requestId: request.requestId,
            nodeId: state.nodeId ?? '',
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

export const nodeConfigurationDecider: Decider<
  NodeConfigurationState,
  NodeConfigurationCommand,
  NodeConfigurationEvent
> = { decide, evolve, initialState };
