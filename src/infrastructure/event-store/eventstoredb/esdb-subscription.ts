import { START, type AllStreamResolvedEvent, type EventStoreDBClient } from '@eventstore/db-client';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../../../application/ports/event-store.port.js';
import { mapEsdbError } from './esdb-errors.js';
import { planFilter } from './esdb-filter.js';
import { compareEsdbPositions, decodeEsdbPosition } from './esdb-position.js';

// Events buffered ahead of the consumer before the gRPC stream is paused (its own flow control does the rest).
const HIGH_WATER = 256;
const LOW_WATER = 64;

export type ToRecorded = (resolved: AllStreamResolvedEvent) => RecordedEvent | undefined;

/**
 * A server-side catch-up subscription to $all (catch-up, then live on the same call) behind our Subscription port.
 * The server starts after `after`; events at or before it are dropped again here in case a server includes it.
 */
export function esdbSubscription(
  client: EventStoreDBClient,
  options: SubscribeOptions,
  toRecorded: ToRecorded,
  onClosed: () => void,
): Subscription {
  const plan = planFilter(options.filter);
  const after = options.after ? decodeEsdbPosition(options.after) : undefined;
  const source = client.subscribeToAll({ fromPosition: after ?? START, filter: plan.server });

  const queue: RecordedEvent[] = [];
  let failure: unknown;
  let ended = false;
  let closed = false;
  let wake: (() => void) | undefined;
  const signal = (): void => wake?.();

  source.on('data', (resolved: AllStreamResolvedEvent) => {
    const event = resolved.event;
    if (!event || !plan.accepts(event)) return;
    if (after && event.position && compareEsdbPositions(event.position, after) <= 0) return;
    const recorded = toRecorded(resolved);
    if (!recorded) return;
    queue.push(recorded);
    if (queue.length >= HIGH_WATER) source.pause();
    signal();
  });
  source.on('error', (error: Error) => {
    failure ??= mapEsdbError(error);
    signal();
  });
  source.on('end', () => {
    ended = true;
    signal();
  });

  let shutdown: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (shutdown ??= (async () => {
      closed = true;
      signal();
      await source.unsubscribe().catch(() => undefined);
      source.destroy();
      onClosed();
    })());

  async function* iterate(): AsyncGenerator<RecordedEvent> {
    try {
      for (;;) {
        if (closed) return;
        const next = queue.shift();
        if (next) {
          if (queue.length <= LOW_WATER && source.isPaused()) source.resume();
          yield next;
          continue;
        }
        if (failure) throw failure;
        // The server never ends a subscription by itself; an end without close() means the call went away.
        if (ended) throw mapEsdbError(Object.assign(new Error('subscription ended by the server'), { code: 14 }));
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    } finally {
      await stop();
    }
  }

  const iterator = iterate();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      await stop();
      await iterator.return(undefined);
    },
  };
}
