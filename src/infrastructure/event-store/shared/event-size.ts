import { EventTooLargeError, MAX_EVENT_BYTES, type NewEvent } from '../../../application/ports/event-store.port.js';

/** Throws EventTooLargeError before anything is sent when an event's JSON exceeds the limit. */
export function assertEventSizes(events: readonly NewEvent[]): void {
  for (const event of events) {
    const bytes = Buffer.byteLength(JSON.stringify(event.data ?? null)) + Buffer.byteLength(JSON.stringify(event.metadata ?? {}));
    if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(event.id, bytes);
  }
}
