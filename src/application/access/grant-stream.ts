import { isGrantEvent, type GrantEvent } from '../../domain/access/grant.events.js';
import type { StreamEvents } from '../shared/decider-command.js';

export const GRANT_STREAM_PREFIX = 'grant-';

export function grantStream(grantId: string): string {
  return `${GRANT_STREAM_PREFIX}${grantId}`;
}

export const GRANT_EVENTS: StreamEvents<GrantEvent> = { accepts: isGrantEvent, schemaVersion: 1 };
