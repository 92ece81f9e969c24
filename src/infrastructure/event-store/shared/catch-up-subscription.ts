import type {
  AllFilter,
  Position,
  ReadAllOptions,
  RecordedEvent,
  Subscription,
} from '../../../application/ports/event-store.port.js';

export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Registers a callback for "new events may exist"; resolves to an unregister function. */
  onAppended(wake: () => void): Promise<() => Promise<void>>;
}

const PAGE = 500;
// Rows behind a still-running older transaction become readable without any notification when that
// transaction ends, so waiting also times out and re-reads.
const POLL_MS = 250;

/** Reads pages after the last delivered position, then waits for a wake-up or the poll interval. */
export function catchUpSubscription(
  source: CatchUpSource,
  options: { after?: Position | null; filter?: AllFilter },
): Subscription {
  let closed = false;
  let wake: (() => void) | undefined;
  let pending = false;
  const signal = (): void => {
    pending = true;
    wake?.();
  };
  const waitForWake = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (pending || closed) {
        resolve();
        return;
      }
      const timer = setTimeout(resolve, POLL_MS);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = undefined;
      pending = false;
    });

  async function* iterate(): AsyncGenerator<RecordedEvent> {
    const unregister = await source.onAppended(signal);
    try {
      let after = options.after ?? null;
      while (!closed) {
        pending = false;
        const page = await source.readAll({ after, max: PAGE, ...(options.filter ? { filter: options.filter } : {}) });
        for (const event of page) {
          if (closed) return;
          yield event;
          after = event.position;
        }
        if (page.length < PAGE) await waitForWake();
      }
    } finally {
      await unregister();
    }
  }

  const iterator = iterate();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      signal();
      await iterator.return(undefined);
    },
  };
}
