import type { Logger } from 'pino';
import { EventFedKeyRing } from '../../application/gateways/key-ring/event-fed-key-ring.js';
import type { KeyVault } from '../../application/gateways/ports/key-vault.port.js';
import { LinkEventRecorder } from '../../application/gateways/record-link-event/link-event-recorder.js';
import type { EventStore } from '../../application/ports/event-store.port.js';
import type { GatewayCommands } from './gateway-commands.js';
import type { LinkConfig } from './link-config.js';
import { createLinkServer } from './link-server.factory.js';
import type { LinkServer } from './link-server.js';
import { ClusterSessionFence } from './session-fence.js';

export interface RunningGatewayLink {
  readonly host: string;
  readonly port: number;
  readonly server: LinkServer;
  readonly keyRing: EventFedKeyRing;
  close(): Promise<void>;
}

/** The key ring caught up from the log, then the TLS-PSK message coordinator listening. */
export async function startGatewayLink(
  store: EventStore,
  vault: KeyVault,
  config: LinkConfig,
  logger: Logger,
  commands?: GatewayCommands,
): Promise<RunningGatewayLink> {
  const keyRing = new EventFedKeyRing(store, vault, {
    onError: (error: unknown, context: string) =>
      logger.error({ err: error, context }, 'gateway key ring error; retrying'),
  });
  keyRing.start();
  await keyRing.ready();
  const recorder = new LinkEventRecorder(store);
  const server = createLinkServer(
    {
      store,
      keyRing,
      refusals: recorder,
      sessionEvents: recorder,
      networkTypeOf: (gatewayId) => keyRing.networkTypeOf(gatewayId),
      isDecommissioned: (gatewayId) => keyRing.isDecommissioned(gatewayId),
      ...(commands ? { onCommandResult: (gatewayId, result) => commands.resolve(gatewayId, result) } : {}),
      logger,
    },
    { host: config.host, port: config.port },
  );
  // Before listening, so no session can start unseen by it.
  const fence = new ClusterSessionFence(store, server, logger.child({ ns: 'wattlog:link' }));
  await fence.start();
  try {
    const bound = await server.listen();
    commands?.attach(server);
    return {
      ...bound,
      server,
      keyRing,
      close: async () => {
        await server.close();
        await fence.stop();
        await keyRing.stop();
      },
    };
  } catch (error) {
    await fence.stop();
    await keyRing.stop();
    throw error;
  }
}
