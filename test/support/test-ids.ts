import { randomBytes, randomUUID } from 'node:crypto';
import type { NewEvent } from '../../src/application/ports/event-store.port.js';

/** A stream-name prefix unique to one test, so tests can share a store. */
export function uniquePrefix(label: string): string {
  return `${label}${randomBytes(4).toString('hex')}-`;
}

export function anEvent(type = 'SomethingHappened', data: unknown = { n: 1 }): NewEvent {
  return { id: randomUUID(), type, data, metadata: { actorId: 'test' } };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
