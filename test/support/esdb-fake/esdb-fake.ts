import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { appendHandler, type IdempotentPositionMode } from './append.js';
import { FakeLog } from './fake-log.js';
import { streamsGrpc } from './proto.js';
import { readHandler } from './read.js';

export interface EsdbFakeOptions {
  /** How an idempotent re-append reports its position (servers differ): `original` (default) or `none`. */
  readonly idempotentPosition?: IdempotentPositionMode;
}

export interface EsdbFake {
  /** `esdb://127.0.0.1:<port>?tls=false` */
  readonly url: string;
  /** Writes an event the way the server writes its own (`$`-prefixed stream and type). */
  appendSystemEvent(stream: string, type: string): void;
  close(): Promise<void>;
}

/**
 * An in-process, in-memory EventStoreDB speaking the client's gRPC Streams service. For tests only: see README.md
 * for what it models and what it does not.
 */
export async function startEsdbFake(options: EsdbFakeOptions = {}): Promise<EsdbFake> {
  const log = new FakeLog();
  // A fresh server already holds system records; readers must skip them.
  log.appendSystemEvent('$settings', '$settings');
  log.appendSystemEvent('$users', '$User');

  const server = new Server();
  // Only Streams is served. ServerFeatures is absent on purpose: the client then answers "unimplemented" for
  // BatchAppend and falls back to the Append call this fake implements. Gossip is not needed for `esdb://host:port`.
  const implementation: UntypedServiceImplementation = {
    read: readHandler(log),
    append: appendHandler(log, options.idempotentPosition ?? 'original'),
  };
  server.addService(streamsGrpc.StreamsService, implementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );

  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    appendSystemEvent: (stream, type) => {
      log.appendSystemEvent(stream, type);
    },
    close: async () => {
      // Open subscriptions never end on their own, so a graceful shutdown would wait forever.
      server.forceShutdown();
    },
  };
}
