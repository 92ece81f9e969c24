import {
  InvalidAccessInputError,
  UserAlreadyRegisteredError,
  UserDisabledError,
  UserNotFoundError,
} from './access.errors.js';
import { emailProblems, normaliseEmail } from './email.js';
import type { Role } from './principal.js';
import { ACCESS_LIMITS, clipReason, textProblems } from './text-limits.js';
import { isRole, type SessionEndReason, type UserEvent } from './user.events.js';
import { assertNever, type Decider } from '../shared/decider.js';

// Commands carry the time and generated ids: the decider has no clock and no randomness.
export type UserCommand =
  | {
      readonly type: 'RegisterUser';
      readonly data: {
        readonly userId: string;
        readonly email: string;
        readonly displayName: string;
        readonly role: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'ChangeUserRole';
      readonly data: { readonly userId: string; readonly role: string; readonly at: string };
    }
  | {
      readonly type: 'DisableUser';
      readonly data: { readonly userId: string; readonly reason: string; readonly at: string };
    }
  | { readonly type: 'ChangePassword'; readonly data: { readonly userId: string; readonly at: string } }
  | {
      readonly type: 'StartSession';
      readonly data: { readonly userId: string; readonly sessionId: string; readonly at: string };
    }
  | {
      readonly type: 'EndSession';
      readonly data: {
        readonly userId: string;
        readonly sessionId: string;
        readonly reason: SessionEndReason;
        readonly at: string;
      };
    };

export type UserState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'active' | 'disabled';
      readonly userId: string;
      readonly email: string;
      readonly role: Role;
      readonly openSessions: readonly string[];
    };

const initialState = (): UserState => ({ status: 'unregistered' });

function evolve(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered':
      return {
        status: 'active',
        userId: event.data.userId,
        email: event.data.email,
        role: event.data.role,
        openSessions: [],
      };
    case 'UserRoleChanged':
      return state.status === 'unregistered' ? state : { ...state, role: event.data.role };
    case 'UserDisabled':
      return state.status === 'unregistered' ? state : { ...state, status: 'disabled', openSessions: [] };
    case 'UserPasswordChanged':
      return state;
    case 'UserSessionStarted':
      return state.status === 'unregistered'
        ? state
        : { ...state, openSessions: [...state.openSessions, event.data.sessionId] };
    case 'UserSessionEnded':
      return state.status === 'unregistered'
        ? state
        : { ...state, openSessions: state.openSessions.filter((id) => id !== event.data.sessionId) };
    default:
      return assertNever(event);
  }
}

type Known = Exclude<UserState, { status: 'unregistered' }>;

function existing(state: UserState, userId: string): Known {
  if (state.status === 'unregistered') throw new UserNotFoundError(userId);
  return state;
}

function active(state: UserState, userId: string): Known {
  const known = existing(state, userId);
  if (known.status === 'disabled') throw new UserDisabledError(userId);
  return known;
}

function role(value: string): Role {
  if (!isRole(value))
    throw new InvalidAccessInputError([`role must be admin or user (got ${JSON.stringify(value.slice(0, 20))})`]);
  return value;
}

function decide(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'RegisterUser': {
      const { data } = command;
      if (state.status !== 'unregistered') throw new UserAlreadyRegisteredError(data.userId);
      const email = normaliseEmail(data.email);
      const problems = [
        ...emailProblems(email),
        ...textProblems('displayName', data.displayName, ACCESS_LIMITS.displayNameMax),
        ...(isRole(data.role) ? [] : ['role must be admin or user']),
      ];
      if (problems.length > 0) throw new InvalidAccessInputError(problems);
      return [
        {
          type: 'UserRegistered',
          data: {
            userId: data.userId,
            email,
            displayName: data.displayName.trim(),
            role: role(data.role),
            at: data.at,
          },
        },
      ];
    }
    case 'ChangeUserRole': {
      const user = active(state, command.data.userId);
      const next = role(command.data.role);
      if (next === user.role) return [];
      return [
        {
          type: 'UserRoleChanged',
          data: { userId: user.userId, role: next, previousRole: user.role, at: command.data.at },
        },
      ];
    }
    case 'DisableUser': {
      const user = existing(state, command.data.userId);
      // Disabling twice is not an error: the operator's intent already holds.
      if (user.status === 'disabled') return [];
      return [
        {
          type: 'UserDisabled',
          data: { userId: user.userId, reason: clipReason(command.data.reason), at: command.data.at },
        },
      ];
    }
    case 'ChangePassword': {
      const user = active(state, command.data.userId);
      return [{ type: 'UserPasswordChanged', data: { userId: user.userId, at: command.data.at } }];
    }
    case 'StartSession': {
      const user = active(state, command.data.userId);
      return [
        {
          type: 'UserSessionStarted',
          data: { userId: user.userId, sessionId: command.data.sessionId, at: command.data.at },
        },
      ];
    }
    case 'EndSession': {
      const user = existing(state, command.data.userId);
      if (!user.openSessions.includes(command.data.sessionId)) return [];
      return [{ type: 'UserSessionEnded', data: { ...command.data } }];
    }
    default:
      return assertNever(command);
  }
}

export const userDecider: Decider<UserState, UserCommand, UserEvent> = { decide, evolve, initialState };
