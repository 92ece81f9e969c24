import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from '../ports/event-store.port.js';

/**
 * Appends what a decider decided. A decision of "nothing changes" (asking for the state the object already has)
 * is an empty list; the stores refuse an empty append, so it is answered here as what it is: nothing recorded
 * (null), not an error.
 */
export async function appendDecision(
  store: EventStore,
  stream: string,
  events: readonly NewEvent[],
  options: { readonly expectedRevision: ExpectedRevision },
): Promise<AppendResult | null> {
  if (events.length === 0) return null;
  return store.append(stream, events, {
    expectedRevision: options.expectedRevision,
  });
}
