import {
  ApiClientAlreadyRegisteredError,
  ApiClientNotFoundError,
  ApiClientRevokedError,
  InvalidAccessInputError,
} from './access.errors.js';
import type { ApiClientEvent } from './api-client.events.js';
import { ACCESS_LIMITS, clipReason, textProblems } from './text-limits.js';
import { assertNever, type Decider } from '../shared/decider.js';
import type { ClientRole } from './client-role.js';

const PROVIDER_ID = /^[a-zA-Z0-9_-]{1,128}$/;

export type ApiClientCommand =
  | {
      readonly type: 'RegisterApiClient';
      readonly data: {
        readonly clientId: string;
        readonly organisation: string;
        readonly name: string;
        readonly secretFingerprint: string;
        readonly role?: ClientRole;
        readonly providerId?: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'RotateApiClientSecret';
      readonly data: { readonly clientId: string; readonly secretFingerprint: string; readonly at: string };
    }
  | {
      readonly type: 'RevokeApiClient';
      readonly data: { readonly clientId: string; readonly reason: string; readonly at: string };
    };

export type ApiClientState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'active' | 'revoked';
      readonly clientId: string;
      readonly organisation: string;
      readonly secretFingerprint: string;
    };

const initialState = (): ApiClientState => ({ status: 'unregistered' });

function evolve(state: ApiClientState, event: ApiClientEvent): ApiClientState {
  switch (event.type) {
    case 'ApiClientRegistered':
      return {
        status: 'active',
        clientId: event.data.clientId,
        organisation: event.data.organisation,
        secretFingerprint: event.data.secretFingerprint,
      };
    case 'ApiClientSecretRotated':
      return state.status === 'unregistered' ? state : { ...state, secretFingerprint: event.data.secretFingerprint };
    case 'ApiClientRevoked':
      return state.status === 'unregistered' ? state : { ...state, status: 'revoked' };
    default:
      return assertNever(event);
  }
}

function active(state: ApiClientState, clientId: string): Exclude<ApiClientState, { status: 'unregistered' }> {
  if (state.status === 'unregistered') throw new ApiClientNotFoundError(clientId);
  if (state.status === 'revoked') throw new ApiClientRevokedError(clientId);
  return state;
}

function decide(command: ApiClientCommand, state: ApiClientState): ApiClientEvent[] {
  switch (command.type) {
    case 'RegisterApiClient': {
      const { data } = command;
      if (state.status !== 'unregistered') throw new ApiClientAlreadyRegisteredError(data.clientId);
      const problems = [
        ...textProblems('organisation', data.organisation, ACCESS_LIMITS.organisationMax),
        ...textProblems('name', data.name, ACCESS_LIMITS.clientNameMax),
      ];
      if (data.role === 'bl' && (data.providerId === undefined || !PROVIDER_ID.test(data.providerId)))
        problems.push('providerId: a bl client needs a provider id of 1 to 128 letters, digits, _ or -');
      if (data.role !== 'bl' && data.providerId !== undefined)
        problems.push('providerId: only bl clients act for a provider');
      if (problems.length > 0) throw new InvalidAccessInputError(problems);
      return [
        {
          type: 'ApiClientRegistered',
          data: { ...data, organisation: data.organisation.trim(), name: data.name.trim() },
        },
      ];
    }
    case 'RotateApiClientSecret': {
      const client = active(state, command.data.clientId);
      return [
        {
          type: 'ApiClientSecretRotated',
          data: {
            clientId: client.clientId,
            secretFingerprint: command.data.secretFingerprint,
            previousSecretFingerprint: client.secretFingerprint,
            at: command.data.at,
          },
        },
      ];
    }
    case 'RevokeApiClient': {
      if (state.status === 'unregistered') throw new ApiClientNotFoundError(command.data.clientId);
      if (state.status === 'revoked') return [];
      return [
        {
          type: 'ApiClientRevoked',
          data: { clientId: state.clientId, reason: clipReason(command.data.reason), at: command.data.at },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export const apiClientDecider: Decider<ApiClientState, ApiClientCommand, ApiClientEvent> = {
  decide,
  evolve,
  initialState,
};
