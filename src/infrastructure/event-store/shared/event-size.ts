import { EventTooLargeError, MAX_EVENT_BYTES, type NewEvent } from '../../../application/ports/event-store.port.js';

/** Throws EventTooLargeError before anything is sent when an event's JSON exceeds the limit. */
export function assertEventSizes(events: readonly NewEvent[]): void {
  for (const event of events) {
    const bytes =
      Buffer.byteLength(JSON.stringify(event.data ?? null)) + Buffer.byteLength(JSON.stringify(event.metadata ?? {}));
    if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(event.id, bytes);
  }
}

/**
 * The JSON array `[{id, type, data, metadata}, …]` the SQL append takes, checking each event's size on the very text
 * that is sent, so every event is serialised once.
 */
export function eventsJson(events: readonly NewEvent[]): string {
  const parts = events.map((event) => {
    const data = JSON.stringify(event.data ?? null);
    const metadata = JSON.stringify(event.metadata ?? {});
    // A UTF-16 unit is at most 3 UTF-8 bytes: only text near the limit needs counting.
    if ((data.length + metadata.length) * 3 > MAX_EVENT_BYTES) {
      const bytes = Buffer.byteLength(data) + Buffer.byteLength(metadata);
      if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(event.id, bytes);
    }
    return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"data":${data},"metadata":${metadata}}`;
  });
  return `[${parts.join(',')}]`;
}
