import type { Logger } from 'pino';
import type { GatewayKeyRing, LinkRefusalRecorder } from '../../application/gateways/ports/gateway-key-ring.port.js';
import { IngestFrames, type NetworkTypeLookup } from '../../application/metering/ingest-frame/ingest-frame.command.js';
import { IngestFramesHandler } from '../../application/metering/ingest-frame/ingest-frames.handler.js';
import { nextSequence } from '../../application/metering/ingest-frame/readings-stream.js';
import type { DecoderLookup } from '../../application/metering/ports/payload-decoders.port.js';
import type { EventStore } from '../../application/ports/event-store.port.js';
import { decoderLookup, installedDecoders } from '../../infrastructure/protocols/payload-decoders.js';
import { LinkServer, type LinkServerDeps, type LinkServerOptions } from './link-server.js';

export interface LinkServerWiring {
  readonly store: EventStore;
  readonly keyRing: GatewayKeyRing;
  readonly refusals: LinkRefusalRecorder;
  readonly networkTypeOf: NetworkTypeLookup;
  /** The protocol modules; the installed ones unless a test brings its own. */
  readonly decoders?: DecoderLookup;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly isDecommissioned?: LinkServerDeps['isDecommissioned'];
  readonly sessionEvents?: LinkServerDeps['sessionEvents'];
  readonly onCommandResult?: LinkServerDeps['onCommandResult'];
  readonly onNodeNotice?: LinkServerDeps['onNodeNotice'];
}

/** The link server wired to the IngestFrames use case on an event store. */
export function createLinkServer(wiring: LinkServerWiring, options: LinkServerOptions = {}): LinkServer {
  const handler = new IngestFramesHandler(
    wiring.store,
    wiring.networkTypeOf,
    wiring.decoders ?? decoderLookup(installedDecoders(wiring.logger)),
  );
  return new LinkServer(
    {
      keyRing: wiring.keyRing,
      refusals: wiring.refusals,
      logger: wiring.logger,
      now: wiring.now ?? (() => new Date()),
      ingest: (gatewayId, frames, receivedAt) => handler.execute(new IngestFrames(gatewayId, frames, receivedAt)),
      nextSequence: (gatewayId) => nextSequence(wiring.store, gatewayId),
      ...(wiring.isDecommissioned ? { isDecommissioned: wiring.isDecommissioned } : {}),
      ...(wiring.sessionEvents ? { sessionEvents: wiring.sessionEvents } : {}),
      ...(wiring.onCommandResult ? { onCommandResult: wiring.onCommandResult } : {}),
      ...(wiring.onNodeNotice ? { onNodeNotice: wiring.onNodeNotice } : {}),
    },
    options,
  );
}
