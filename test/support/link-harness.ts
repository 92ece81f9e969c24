import type { EventStore } from '../../src/application/ports/event-store.port.js';
import type { LinkServer, LinkServerDeps, LinkServerOptions } from '../../src/interfaces/gateway-link/link-server.js';
import { createLinkServer } from '../../src/interfaces/gateway-link/link-server.factory.js';
import { InMemoryKeyRing, RecordingRefusalRecorder } from './in-memory-key-ring.js';
import { captureLogs } from './log-capture.js';

export interface LinkHarness {
  readonly server: LinkServer;
  readonly port: number;
  readonly keyRing: InMemoryKeyRing;
  readonly refusals: RecordingRefusalRecorder;
  readonly logs: ReturnType<typeof captureLogs>;
  readonly networkTypes: Map<string, string>;
  close(): Promise<void>;
}

/** A link server on 127.0.0.1 and a free port, with a hand-driven key ring and captured logs. */
export async function startLinkHarness(
  store: EventStore,
  options: LinkServerOptions = {},
  extra: Pick<LinkServerDeps, 'onCommandResult' | 'onNodeNotice' | 'sessionEvents'> = {},
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
      ...extra,
    },
    { host: '127.0.0.1', port: 0, ...options },
  );
  const { port } = await server.listen();
  return { server, port, keyRing, refusals, logs, networkTypes, close: () => server.close() };
}
