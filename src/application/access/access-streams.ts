import { createHash } from 'node:crypto';
import { isApiClientEvent, type ApiClientEvent } from '../../domain/access/api-client.events.js';
import {
  EMAIL_RESERVED,
  isUserEvent,
  type UserEmailReserved,
  type UserEvent,
} from '../../domain/access/user.events.js';
import type { EventStore } from '../ports/event-store.port.js';
import type { StreamEvents } from '../shared/decider-command.js';

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

export const USER_EVENTS: StreamEvents<UserEvent> = { accepts: isUserEvent, schemaVersion: ACCESS_SCHEMA_VERSION };
export const API_CLIENT_EVENTS: StreamEvents<ApiClientEvent> = {
  accepts: isApiClientEvent,
  schemaVersion: ACCESS_SCHEMA_VERSION,
};
export const EMAIL_EVENTS: StreamEvents<UserEmailReserved> = {
  accepts: (event) => event.type === EMAIL_RESERVED,
  schemaVersion: ACCESS_SCHEMA_VERSION,
};

/** The user id that reserved the address, if any: the authoritative email → user lookup (read models may lag). */
export async function userIdByEmail(store: EventStore, normalisedEmail: string): Promise<string | undefined> {
  const [reservation] = await store.readStream(emailStream(normalisedEmail), { max: 1 });
  const userId = (reservation?.data as { userId?: unknown } | undefined)?.userId;
  return typeof userId === 'string' ? userId : undefined;
}
