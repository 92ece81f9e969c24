import type { GatewayCommand } from './gateway.commands.js';
import type { GatewayEvent, GatewayLocation, RefusalReason } from './gateway.events.js';
import {
  GatewayAlreadyRegisteredError,
  GatewayDecommissionedError,
  GatewayNotFoundError,
  InvalidGatewayRegistrationError,
} from './gateway.errors.js';
import { GATEWAY_LIMITS, clip, isNetworkType, registrationProblems } from './gateway.validation.js';
import { assertNever, type Decider } from '../shared/decider.js';
import { erasePeriodsOf, erased, handedOver, type OwnershipPeriod } from './ownership-history.js';

/** At most one LinkConnectionRefused per gateway and reason within this window, so brute force cannot flood the log. */
export const REFUSAL_RECORD_INTERVAL_MS = 60_000;

export type { GatewayCommand } from './gateway.commands.js';

export type GatewayState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered' | 'decommissioned';
      readonly gatewayId: string;
      readonly keyFingerprint: string;
      readonly ownerId: string;
      readonly periods: readonly OwnershipPeriod[];
      readonly details: { readonly name: string; readonly description: string; readonly location: GatewayLocation };
      readonly openSessions: readonly string[];
      readonly lastRefusalAt: Readonly<Partial<Record<RefusalReason, string>>>;
    };

const initialState = (): GatewayState => ({ status: 'unregistered' });

function evolve(state: GatewayState, event: GatewayEvent): GatewayState {
  switch (event.type) {
    case 'GatewayRegistered':
      return {
        status: 'registered',
        gatewayId: event.data.gatewayId,
        keyFingerprint: event.data.keyFingerprint,
        ownerId: event.data.ownerId,
        periods: [{ ownerId: event.data.ownerId, from: null, to: null }],
        details: { name: event.data.name, description: event.data.description, location: event.data.location },
        openSessions: [],
        lastRefusalAt: {},
      };
    case 'GatewayDetailsChanged':
      return state.status === 'unregistered'
        ? state
        : {
            ...state,
            details: { name: event.data.name, description: event.data.description, location: event.data.location },
          };
    case 'NetworkKeyRotated':
      return state.status === 'unregistered' ? state : { ...state, keyFingerprint: event.data.keyFingerprint };
    case 'GatewayDecommissioned':
      return state.status === 'unregistered' ? state : { ...state, status: 'decommissioned' };
    case 'GatewayOwnerChanged':
      return state.status === 'unregistered'
        ? state
        : {
            ...state,
            ownerId: event.data.ownerId,
            periods: handedOver(state.periods, event.data.ownerId, event.data.at),
          };
    case 'OwnershipPeriodErased':
      return state.status === 'unregistered' ? state : { ...state, periods: erased(state.periods, event) };
    case 'LinkSessionOpened':
      return state.status === 'unregistered'
        ? state
        : { ...state, openSessions: [...state.openSessions, event.data.sessionId] };
    case 'LinkSessionClosed':
      return state.status === 'unregistered'
        ? state
        : { ...state, openSessions: state.openSessions.filter((id) => id !== event.data.sessionId) };
    case 'LinkConnectionRefused':
      return state.status === 'unregistered'
        ? state
        : { ...state, lastRefusalAt: { ...state.lastRefusalAt, [event.data.reason]: event.data.at } };
    default:
      return assertNever(event);
  }
}

type Known = Exclude<GatewayState, { status: 'unregistered' }>;

function existing(state: GatewayState, gatewayId: string): Known {
  if (state.status === 'unregistered') throw new GatewayNotFoundError(gatewayId);
  return state;
}

function active(state: GatewayState, gatewayId: string): Known {
  const known = existing(state, gatewayId);
  if (known.status === 'decommissioned') throw new GatewayDecommissionedError(gatewayId);
  return known;
}

function nonNegativeInteger(value: number): number {
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

function decide(command: GatewayCommand, state: GatewayState): GatewayEvent[] {
  switch (command.type) {
    case 'RegisterGateway': {
      const { data } = command;
      if (state.status !== 'unregistered') throw new GatewayAlreadyRegisteredError(data.gatewayId);
      const problems = registrationProblems(data);
      if (problems.length > 0 || !isNetworkType(data.networkType)) throw new InvalidGatewayRegistrationError(problems);
      return [
        {
          type: 'GatewayRegistered',
          data: {
            gatewayId: data.gatewayId,
            name: data.name.trim(),
            networkType: data.networkType,
            address: data.address.trim(),
            description: data.description,
            location: { lat: data.location.lat, lon: data.location.lon, label: data.location.label.trim() },
            ownerId: data.ownerId,
            keyFingerprint: data.keyFingerprint,
            registeredAt: data.at,
          },
        },
      ];
    }
    case 'ChangeGatewayDetails':
      return changeDetails(command.data, active(state, command.data.gatewayId));
    case 'RotateNetworkKey': {
      const gateway = active(state, command.data.gatewayId);
      return [
        {
          type: 'NetworkKeyRotated',
          data: {
            gatewayId: command.data.gatewayId,
            keyFingerprint: command.data.keyFingerprint,
            previousKeyFingerprint: gateway.keyFingerprint,
            rotatedAt: command.data.at,
          },
        },
      ];
    }
    case 'DecommissionGateway': {
      active(state, command.data.gatewayId);
      const reason = clip(command.data.reason, GATEWAY_LIMITS.reasonMax);
      return [
        { type: 'GatewayDecommissioned', data: { gatewayId: command.data.gatewayId, reason, at: command.data.at } },
      ];
    }
    case 'ChangeGatewayOwner': {
      const { data } = command;
      const gateway = active(state, data.gatewayId);
      const ownerId = data.ownerId.trim();
      if (ownerId.length === 0 || ownerId.length > GATEWAY_LIMITS.ownerMax) {
        throw new InvalidGatewayRegistrationError([`ownerId must be 1 to ${GATEWAY_LIMITS.ownerMax} characters`]);
      }
      if (ownerId === gateway.ownerId) return [];
      return [
        {
          type: 'GatewayOwnerChanged',
          data: { gatewayId: data.gatewayId, ownerId, previousOwnerId: gateway.ownerId, at: data.at },
        },
      ];
    }
    // A decommissioned gateway's history can still be erased: the request concerns the people, not the device.
    case 'EraseOwnershipPeriods':
      return erasePeriodsOf(existing(state, command.data.gatewayId).periods, command.data);
    case 'RecordLinkSessionOpened': {
      const { data } = command;
      const gateway = active(state, data.gatewayId);
      // A repeated report of the same session (a retried append) changes nothing.
      if (gateway.openSessions.includes(data.sessionId)) return [];
      return [
        {
          type: 'LinkSessionOpened',
          data: { ...data, sessionId: clip(data.sessionId), remoteAddress: clip(data.remoteAddress) },
        },
      ];
    }
    case 'RecordLinkSessionClosed': {
      const { data } = command;
      // Sessions cut by a decommission still close, so only existence is required.
      const gateway = existing(state, data.gatewayId);
      if (!gateway.openSessions.includes(data.sessionId)) return [];
      return [
        {
          type: 'LinkSessionClosed',
          data: {
            ...data,
            reason: clip(data.reason),
            framesReceived: nonNegativeInteger(data.framesReceived),
            readingsReceived: nonNegativeInteger(data.readingsReceived),
          },
        },
      ];
    }
    case 'RecordLinkRefusal': {
      const { data } = command;
      // An identity nobody registered has no trail; recording it would let anyone create streams at will.
      if (state.status === 'unregistered') return [];
      const last = state.lastRefusalAt[data.reason];
      if (last !== undefined && Date.parse(data.at) - Date.parse(last) < REFUSAL_RECORD_INTERVAL_MS) return [];
      return [{ type: 'LinkConnectionRefused', data: { ...data, detail: clip(data.detail) } }];
    }
    default:
      return assertNever(command);
  }
}

function sameLocation(a: GatewayLocation, b: GatewayLocation): boolean {
  return a.lat === b.lat && a.lon === b.lon && a.label === b.label;
}

function changeDetails(
  data: Extract<GatewayCommand, { type: 'ChangeGatewayDetails' }>['data'],
  gateway: Known,
): GatewayEvent[] {
  const current = gateway.details;
  const next = {
    name: data.name?.trim() ?? current.name,
    description: data.description ?? current.description,
    location: data.location
      ? { lat: data.location.lat, lon: data.location.lon, label: data.location.label.trim() }
      : current.location,
  };
  const problems = registrationProblems({
    gatewayId: data.gatewayId,
    networkType: 'zigbee',
    address: 'x',
    ownerId: 'x',
    ...next,
  });
  if (problems.length > 0) throw new InvalidGatewayRegistrationError(problems);
  const changedFields = [
    ...(next.name !== current.name ? (['name'] as const) : []),
    ...(next.description !== current.description ? (['description'] as const) : []),
    ...(!sameLocation(next.location, current.location) ? (['location'] as const) : []),
  ];
  if (changedFields.length === 0) return [];
  return [
    { type: 'GatewayDetailsChanged', data: { gatewayId: data.gatewayId, ...next, changedFields, changedAt: data.at } },
  ];
}

export const gatewayDecider: Decider<GatewayState, GatewayCommand, GatewayEvent> = { decide, evolve, initialState };
