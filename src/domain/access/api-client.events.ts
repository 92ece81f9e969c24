import type { DomainEvent } from '../shared/event.js';
import type { ClientRole } from './client-role.js';

export type ApiClientRegistered = DomainEvent<
  'ApiClientRegistered',
  {
    readonly clientId: string;
    readonly organisation: string;
    readonly name: string;
    /** Derived from the secret with a one-way function of its own; the secret and its verifier never enter the log. */
    readonly secretFingerprint: string;
    /** Absent on clients registered before roles: `api`. */
    readonly role?: ClientRole;
    /** The provider a `bl` client acts for; its programs, events and subscriptions are that provider's. */
    readonly providerId?: string;
    readonly at: string;
  }
>;

export type ApiClientSecretRotated = DomainEvent<
  'ApiClientSecretRotated',
  {
    readonly clientId: string;
    readonly secretFingerprint: string;
    readonly previousSecretFingerprint: string;
    readonly at: string;
  }
>;

export type ApiClientRevoked = DomainEvent<
  'ApiClientRevoked',
  { readonly clientId: string; readonly reason: string; readonly at: string }
>;

export type ApiClientEvent = ApiClientRegistered | ApiClientSecretRotated | ApiClientRevoked;
export type ApiClientEventType = ApiClientEvent['type'];

export const API_CLIENT_EVENT_TYPES: readonly ApiClientEventType[] = [
  'ApiClientRegistered',
  'ApiClientSecretRotated',
  'ApiClientRevoked',
];

export function isApiClientEvent(event: { readonly type: string; readonly data: unknown }): event is ApiClientEvent {
  return (API_CLIENT_EVENT_TYPES as readonly string[]).includes(event.type);
}
