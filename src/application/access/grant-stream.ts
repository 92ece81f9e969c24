import { randomUUID } from 'node:crypto';
import { foldGrant, type GrantState } from '../../domain/access/grant.decider.js';
import { isGrantEvent, type GrantEvent } from '../../domain/access/grant.events.js';
import type { EventMetadata } from '../../domain/shared/event.js';
import type { EventStore, NewEvent } from '../ports/event-store.port.js';

export const GRANT_STREAM_PREFIX = 'grant-';

export function grantStream(grantId: string): string {
  return `${GRANT_STREAM_PREFIX}${grantId}`;
}

export async function loadGrant(store: EventStore, grantId: string): Promise<{ state: GrantState; revision: number | 'no_stream' }> {
  const recorded = await store.readStream(grantStream(grantId));
  const events = recorded.filter(isGrantEvent).map((e) => ({ type: e.type, data: e.data }) as GrantEvent);
  const last = recorded.at(-1);
  return { state: foldGrant(events), revision: last ? last.revision : 'no_stream' };
}

export function grantEvents(events: readonly { type: string; data: unknown }[], metadata: { actorId: string; correlationId: string }): NewEvent[] {
  return events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: { ...metadata, schemaVersion: 1 } satisfies EventMetadata,
  }));
}
