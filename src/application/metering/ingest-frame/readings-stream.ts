import { createHash } from 'node:crypto';
import type { EventStore } from '../../ports/event-store.port.js';

export function readingsStream(gatewayId: string): string {
  return `readings-${gatewayId}`;
}

/**
 * The event id of a gateway's frame: a UUID (version 8, RFC 9562 custom layout) from SHA-256 of gateway id and
 * sequence, so every delivery of the same frame carries the same id.
 */
export function frameEventId(gatewayId: string, sequence: number): string {
  const bytes = createHash('sha256').update(`wattlog:gateway-frame:${gatewayId}:${sequence}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The next sequence the server expects from a gateway: last stored frame + 1, or 0. */
export async function nextSequence(store: EventStore, gatewayId: string): Promise<number> {
  const [last] = await store.readStream(readingsStream(gatewayId), { direction: 'backwards', max: 1 });
  return last ? last.revision + 1 : 0;
}
