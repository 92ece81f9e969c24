import type { DecoderLookup } from '../../src/application/metering/ports/payload-decoders.port.js';
import type { EventStore } from '../../src/application/ports/event-store.port.js';
import { echoDecoders } from './echo-decoder.js';
import type { LinkServer, LinkServerDeps, LinkServerOptions } from '../../src/interfaces/gateway-link/link-server.js';
import { createLinkServer } from '../../src/interfaces/gateway-link/link-server.factory.js';
import { InMemoryKeyRing, RecordingRefusalRecorder } from './in-memory-key-ring.js';
import { captureLogs } from './log-capture.js';
import { uniquePrefix } from './test-ids.js';

export interface LinkHarness {
  readonly server: LinkServer;
  readonly port: number;
  readonly keyRing: InMemoryKeyRing;
  readonly refusals: RecordingRefusalRecorder;
  readonly logs: ReturnType<typeof captureLogs>;
  readonly networkTypes: Map<string, string>;
  /** A freshly registered gateway of the given network type, with its key. */
  aGateway(networkType?: string): { id: string; key: Buffer };
  close(): Promise<void>;
}

/** A link server on 127.0.0.1 and a free port, with a hand-driven key ring and captured logs. */
export async function startLinkHarness(
  store: EventStore,
  options: LinkServerOptions = {},
  extra: Pick<LinkServerDeps, 'onCommandResult' | 'onNodeNotice' | 'sessionEvents'> & { decoders?: DecoderLookup } = {},
): Promise<LinkHarness> {
  const keyRing = new InMemoryKeyRing();
  const refusals = new RecordingRefusalRecorder();
  const logs = captureLogs();
  const networkTypes = new Map<string, string>();
  const server = createLinkServer(
    {
      store,
      keyRing,
      refusals,
      networkTypeOf: (id) => networkTypes.get(id),
      logger: logs.logger,
      isDecommissioned: (id) => keyRing.isDecommissioned(id),
      // Transport specs send `{ n }` payloads; decoding specs bring the installed modules.
      decoders: echoDecoders,
      ...extra,
    },
    { host: '127.0.0.1', port: 0, ...options },
  );
  const { port } = await server.listen();
  const aGateway = (networkType = 'dsmr'): { id: string; key: Buffer } => {
    const id = uniquePrefix('gw').slice(0, -1);
    networkTypes.set(id, networkType);
    return { id, key: keyRing.register(id) };
  };
  return { server, port, keyRing, refusals, logs, networkTypes, aGateway, close: () => server.close() };
}
