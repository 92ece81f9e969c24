import { createHash, randomUUID } from 'node:crypto';
import { foldApiClient, type ApiClientState } from '../../domain/access/api-client.decider.js';
import { isApiClientEvent, type ApiClientEvent } from '../../domain/access/api-client.events.js';
import { foldUser, type UserState } from '../../domain/access/user.decider.js';
import { isUserEvent, type UserEvent } from '../../domain/access/user.events.js';
import type { EventMetadata } from '../../domain/shared/event.js';
import type { EventStore, NewEvent } from '../ports/event-store.port.js';

export const USER_STREAM_PREFIX = 'user-';
export const CLIENT_STREAM_PREFIX = 'client-';
/** Not under `user-`: a reservation is not a user, and readers filtering by prefix must not mistake it for one. */
export const EMAIL_STREAM_PREFIX = 'email-';
export const ACCESS_SCHEMA_VERSION = 1;

export const userStream = (userId: string): string => `${USER_STREAM_PREFIX}${userId}`;
export const clientStream = (clientId: string): string => `${CLIENT_STREAM_PREFIX}${clientId}`;

/** One stream per normalised address; its name is a digest so addresses never end up in stream names or logs of them. */
export function emailStream(normalisedEmail: string): string {
  return `${EMAIL_STREAM_PREFIX}${createHash('sha256').update(normalisedEmail, 'utf8').digest('hex')}`;
}

export interface AccessCommandMetadata {
  readonly actorId: string;
  readonly correlationId: string;
}

export interface Loaded<S> {
  readonly state: S;
  readonly revision: number | 'no_stream';
}

export async function loadUser(store: EventStore, userId: string): Promise<Loaded<UserState>> {
  const recorded = await store.readStream(userStream(userId));
  const events = recorded.filter(isUserEvent).map((e) => ({ type: e.type, data: e.data }) as UserEvent);
  return { state: foldUser(events), revision: recorded.at(-1)?.revision ?? 'no_stream' };
}

export async function loadApiClient(store: EventStore, clientId: string): Promise<Loaded<ApiClientState>> {
  const recorded = await store.readStream(clientStream(clientId));
  const events = recorded.filter(isApiClientEvent).map((e) => ({ type: e.type, data: e.data }) as ApiClientEvent);
  return { state: foldApiClient(events), revision: recorded.at(-1)?.revision ?? 'no_stream' };
}

/** The user id that reserved the address, if any: the authoritative email → user lookup (read models may lag). */
export async function userIdByEmail(store: EventStore, normalisedEmail: string): Promise<string | undefined> {
  const [reservation] = await store.readStream(emailStream(normalisedEmail), { max: 1 });
  const userId = (reservation?.data as { userId?: unknown } | undefined)?.userId;
  return typeof userId === 'string' ? userId : undefined;
}

export function toNewEvents(events: readonly { type: string; data: unknown }[], metadata: AccessCommandMetadata): NewEvent[] {
  return events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: { ...metadata, schemaVersion: ACCESS_SCHEMA_VERSION } satisfies EventMetadata,
  }));
}
