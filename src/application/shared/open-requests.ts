import type { RecordedEvent } from '../ports/event-store.port.js';

/** A configuration request without an outcome yet, as a sender keeps it. */
export interface OpenRequest<R> {
  readonly request: R;
  status: 'requested' | 'sent';
  /** Its delivery is under way in this process. */
  sending: boolean;
}

/**
 * Folds one event of a request's lifecycle (keyed by `data.requestId`) into the open requests: `requested` opens it,
 * `sent` marks it sent, any other event of the filter is an outcome and closes it.
 */
export function followRequest<R>(
  open: Map<string, OpenRequest<R>>,
  event: RecordedEvent,
  types: { readonly requested: string; readonly sent: string },
): void {
  const requestId = (event.data as { requestId?: unknown }).requestId;
  if (typeof requestId !== 'string') return;
  switch (event.type) {
    case types.requested:
      open.set(requestId, { request: event.data as R, status: 'requested', sending: false });
      return;
    case types.sent: {
      const request = open.get(requestId);
      if (request) request.status = 'sent';
      return;
    }
    default:
      open.delete(requestId);
  }
}
