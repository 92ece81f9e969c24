import type { AllStreamResolvedEvent, ResolvedEvent, StreamingRead } from '@eventstore/db-client';
import type { RecordedEvent } from '../../../application/ports/event-store.port.js';
import type { EventMetadata } from '../../../domain/shared/event.js';
import { encodeEsdbPosition } from './esdb-position.js';

function metadataOf(value: unknown): EventMetadata {
  return value !== null && typeof value === 'object' && !(value instanceof Uint8Array) && !Array.isArray(value)
    ? (value as EventMetadata)
    : {};
}

/** The client's event in our port's shape; undefined for a link whose target is gone. */
export function toRecorded(resolved: AllStreamResolvedEvent | ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event?.position) return undefined;
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: encodeEsdbPosition(event.position),
    type: event.type,
    // Events written by other tools may be binary; they arrive as bytes.
    data: event.data,
    metadata: metadataOf(event.metadata),
    recordedAt: event.created.toISOString(),
  };
}

/** Iterates a read until it ends or `visit` returns false, then cancels the call so it does not linger. */
export async function consume<E>(read: StreamingRead<E>, visit: (item: E) => boolean): Promise<void> {
  for await (const item of read) {
    if (!visit(item)) {
      await read.cancel();
      return;
    }
  }
}
