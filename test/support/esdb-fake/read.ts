import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import type { FakeLog, StoredEvent } from './fake-log.js';
import { parseFilter, type ServerFilter } from './filter.js';
import {
  caughtUpResponse,
  checkpointResponse,
  confirmationResponse,
  eventResponse,
  streamNameOf,
  streamNotFoundResponse,
} from './messages.js';
import { streamsPb, type ReadReq, type ReadResp } from './proto.js';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
type Options = InstanceType<typeof streamsPb.ReadReq.Options>;

/** Writes with back-pressure; every wait also ends when the client cancels. */
class Sink {
  cancelled = false;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly call: ReadCall) {
    call.on('cancelled', () => {
      this.cancelled = true;
      this.wake();
    });
  }

  async send(response: ReadResp): Promise<void> {
    if (this.cancelled) return;
    if (this.call.write(response)) return;
    let onDrain: (() => void) | undefined;
    await this.until((resolve) => {
      onDrain = resolve;
      this.call.once('drain', resolve);
    });
    if (onDrain) this.call.off('drain', onDrain);
  }

  wake(): void {
    this.wakeUp?.();
  }

  /** Resolves on `arm`'s signal, on wake() or on cancellation, whichever comes first. */
  until(arm: (resolve: () => void) => void): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.cancelled) return resolve();
      this.wakeUp = resolve;
      arm(resolve);
    }).finally(() => {
      this.wakeUp = undefined;
    });
  }
}

function fail(call: ReadCall, code: status, details: string): void {
  call.emit('error', { code, details });
}

/** Streams.Read: stream and $all reads, forwards and backwards, and catch-up subscriptions. */
export function readHandler(log: FakeLog): (call: ReadCall) => void {
  return (call) => {
    const options = call.request.getOptions();
    if (!options) return fail(call, status.INVALID_ARGUMENT, 'ReadReq without options');
    const { StreamOptionCase, CountOptionCase, FilterOptionCase } = streamsPb.ReadReq.Options;
    const subscription = options.getCountOptionCase() === CountOptionCase.SUBSCRIPTION;
    const onAll = options.getStreamOptionCase() === StreamOptionCase.ALL;
    const filtered = options.getFilterOptionCase() === FilterOptionCase.FILTER;
    let filter: ServerFilter | undefined;
    try {
      filter = filtered ? parseFilter(options.getFilter()!) : undefined;
    } catch (error) {
      return fail(call, status.INVALID_ARGUMENT, (error as Error).message);
    }
    if (filter && !onAll) return fail(call, status.INVALID_ARGUMENT, 'filters apply to $all only');
    if (subscription && options.getReadDirection() !== streamsPb.ReadReq.Options.ReadDirection.FORWARDS) {
      return fail(call, status.INVALID_ARGUMENT, 'subscriptions read forwards');
    }

    const sink = new Sink(call);
    const run = subscription
      ? subscribe(log, options, filter, sink)
      : onAll
        ? readAll(log, options, filter, sink)
        : readStream(log, options, sink);
    run.then(
      () => {
        if (!sink.cancelled) call.end();
      },
      (error: unknown) => {
        if (!sink.cancelled) fail(call, status.INTERNAL, String(error));
      },
    );
  };
}

async function readStream(log: FakeLog, options: Options, sink: Sink): Promise<void> {
  const streamOptions = options.getStream()!;
  const name = streamNameOf(streamOptions.getStreamIdentifier());
  const events = log.stream(name);
  if (!events) return sink.send(streamNotFoundResponse(name));
  const { RevisionOptionCase } = streamsPb.ReadReq.Options.StreamOptions;
  const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
  const last = events.length - 1;
  let from: number;
  switch (streamOptions.getRevisionOptionCase()) {
    case RevisionOptionCase.START:
      from = 0;
      break;
    case RevisionOptionCase.END:
      from = backwards ? last : events.length;
      break;
    default:
      from = Number(BigInt(streamOptions.getRevision()));
  }
  let remaining = BigInt(options.getCount());
  const uuidOption = options.getUuidOption();
  for (
    let i = backwards ? Math.min(from, last) : from;
    i >= 0 && i < events.length && remaining > 0n;
    i += backwards ? -1 : 1
  ) {
    await sink.send(eventResponse(events[i]!, uuidOption));
    remaining -= 1n;
  }
}

/** Index into the log where a read or subscription starts, per the AllOptions it was given. */
function allStartIndex(log: FakeLog, options: Options, mode: 'forwards' | 'backwards' | 'subscription'): number {
  const all = options.getAll()!;
  const { AllOptionCase } = streamsPb.ReadReq.Options.AllOptions;
  switch (all.getAllOptionCase()) {
    case AllOptionCase.START:
      return mode === 'backwards' ? -1 : 0;
    case AllOptionCase.END:
      return mode === 'backwards' ? log.events.length - 1 : log.events.length;
    default: {
      const commit = BigInt(all.getPosition()!.getCommitPosition());
      const at = log.indexAtOrAfter(commit);
      // Forwards reads include the event at the position; backwards reads start before it; subscriptions after it.
      if (mode === 'forwards') return at;
      if (mode === 'backwards') return at - 1;
      return log.events[at]?.position === commit ? at + 1 : at;
    }
  }
}

async function readAll(log: FakeLog, options: Options, filter: ServerFilter | undefined, sink: Sink): Promise<void> {
  const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
  let remaining = BigInt(options.getCount());
  const uuidOption = options.getUuidOption();
  const step = backwards ? -1 : 1;
  for (
    let i = allStartIndex(log, options, backwards ? 'backwards' : 'forwards');
    i >= 0 && i < log.events.length && remaining > 0n;
    i += step
  ) {
    const event = log.events[i]!;
    if (filter && !filter.matches(event)) continue;
    await sink.send(eventResponse(event, uuidOption));
    remaining -= 1n;
  }
}

/** Catch-up then live, from one cursor over the log: no gap or duplicate at the switch-over. */
async function subscribe(log: FakeLog, options: Options, filter: ServerFilter | undefined, sink: Sink): Promise<void> {
  let source: () => readonly StoredEvent[];
  let cursor: number;
  if (options.getStreamOptionCase() === streamsPb.ReadReq.Options.StreamOptionCase.ALL) {
    source = () => log.events;
    cursor = allStartIndex(log, options, 'subscription');
  } else {
    const streamOptions = options.getStream()!;
    const name = streamNameOf(streamOptions.getStreamIdentifier());
    source = () => log.stream(name) ?? [];
    const { RevisionOptionCase } = streamsPb.ReadReq.Options.StreamOptions;
    const revisionCase = streamOptions.getRevisionOptionCase();
    cursor =
      revisionCase === RevisionOptionCase.START
        ? 0
        : revisionCase === RevisionOptionCase.END
          ? source().length
          : Number(BigInt(streamOptions.getRevision())) + 1;
  }

  let writes = 0;
  const unregister = log.onWrite(() => {
    writes += 1;
    sink.wake();
  });
  try {
    await sink.send(confirmationResponse(randomUUID()));
    const uuidOption = options.getUuidOption();
    let considered = 0;
    let caughtUp = false;
    while (!sink.cancelled) {
      const writesSeen = writes;
      const events = source();
      while (cursor < events.length && !sink.cancelled) {
        const event = events[cursor++]!;
        if (!filter || filter.matches(event)) await sink.send(eventResponse(event, uuidOption));
        if (filter && ++considered >= filter.checkpointInterval) {
          considered = 0;
          await sink.send(checkpointResponse(event.position));
        }
      }
      if (!caughtUp) {
        caughtUp = true;
        await sink.send(caughtUpResponse());
      }
      if (writes === writesSeen) await sink.until(() => undefined);
    }
  } finally {
    unregister();
  }
}
