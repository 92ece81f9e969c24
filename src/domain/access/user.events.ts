import type { Role } from './principal.js';
import type { DomainEvent } from '../shared/event.js';

export const ROLES: readonly Role[] = ['admin', 'user'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export type UserRegistered = DomainEvent<
  'UserRegistered',
  {
    readonly userId: string;
    readonly email: string;
    readonly displayName: string;
    readonly role: Role;
    readonly at: string;
  }
>;

export type UserRoleChanged = DomainEvent<
  'UserRoleChanged',
  { readonly userId: string; readonly role: Role; readonly previousRole: Role; readonly at: string }
>;

export type UserDisabled = DomainEvent<
  'UserDisabled',
  { readonly userId: string; readonly reason: string; readonly at: string }
>;

/** The password was replaced; the event says only that and when, never anything derived from either password. */
export type UserPasswordChanged = DomainEvent<'UserPasswordChanged', { readonly userId: string; readonly at: string }>;

/** A login opened a session; carries no credential, only the session's id. */
export type UserSessionStarted = DomainEvent<
  'UserSessionStarted',
  { readonly userId: string; readonly sessionId: string; readonly at: string }
>;

/** `revoked`: ended from the sessions list, by the user or an admin. */
export const SESSION_END_REASONS = ['logout', 'refresh_token_reuse', 'password_changed', 'revoked'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** Every node refuses the session's access tokens from this event on. */
export type UserSessionEnded = DomainEvent<
  'UserSessionEnded',
  { readonly userId: string; readonly sessionId: string; readonly reason: SessionEndReason; readonly at: string }
>;

export type UserEvent =
  UserRegistered | UserRoleChanged | UserDisabled | UserPasswordChanged | UserSessionStarted | UserSessionEnded;
export type UserEventType = UserEvent['type'];

/** Appended once per normalised address to a stream of its own with expected revision no_stream: the durable uniqueness check. */
export type UserEmailReserved = DomainEvent<
  'UserEmailReserved',
  { readonly email: string; readonly userId: string; readonly at: string }
>;

export const USER_EVENT_TYPES: readonly UserEventType[] = [
  'UserRegistered',
  'UserRoleChanged',
  'UserDisabled',
  'UserPasswordChanged',
  'UserSessionStarted',
  'UserSessionEnded',
];
export const EMAIL_RESERVED = 'UserEmailReserved' satisfies UserEmailReserved['type'];

export function isUserEvent(event: { readonly type: string; readonly data: unknown }): event is UserEvent {
  return (USER_EVENT_TYPES as readonly string[]).includes(event.type);
}
