import {
  nodeConfigurationDecider,
  type NodeConfigurationCommand,
} from '../../../../domain/devices/node-configuration.decider.js';
import {
  NODE_CONFIGURATION_EVENT_TYPES,
  type NodeConfigurationRequested,
} from '../../../../domain/devices/node-configuration.events.js';
import { nodeTargetOf } from '../../../../domain/devices/node-target.js';
import type { CommandLink } from '../../../control/ports/command-link.port.js';
import {
  WrongExpectedRevisionError,
  type AllFilter,
  type EventStore,
  type RecordedEvent,
} from '../../../ports/event-store.port.js';
import { NODE_CONFIGURATION_EVENTS, NODE_STREAM_PREFIX, nodeStream } from '../node-stream.js';
import type { NodeDirectory } from '../ports/node-directory.port.js';
import { handleWithDecider } from '../../../shared/decider-command.js';
import { LogDrivenWorker, type LogDrivenWorkerOptions } from '../../../shared/log-driven-worker.js';
import { followRequest, type OpenRequest } from '../../../shared/open-requests.js';

const FILTER: AllFilter = { streamPrefixes: [NODE_STREAM_PREFIX], types: NODE_CONFIGURATION_EVENT_TYPES };
const SENDER_ACTOR = 'system:configuration-sender';

export interface SenderOptions extends LogDrivenWorkerOptions {
  readonly now: () => Date;
}

type Open = OpenRequest<NodeConfigurationRequested['data']>;

/**
 * Sends node configuration requests down the link, from the event log: requests for an offline gateway wait until
 * it reconnects or they expire. Each step is decided on the node's freshly read stream at its revision.
 */
export class NodeConfigurationSender extends LogDrivenWorker {
  private readonly open = new Map<string, Open>();

  constructor(
    private readonly store: EventStore,
    private readonly nodes: NodeDirectory,
    private readonly link: CommandLink,
    private readonly options: SenderOptions,
  ) {
    super(store, FILTER, 'node configuration sender', options);
  }

  protected apply(event: RecordedEvent): void {
    followRequest(this.open, event, { requested: 'NodeConfigurationRequested', sent: 'NodeConfigurationSent' });
  }

  protected async pass(): Promise<void> {
    for (const [requestId, open] of [...this.open]) {
      if (this.loop.stopped) return;
      const now = this.options.now().toISOString();
      if (now >= open.request.expiresAt)
        await this.step(open.request.nodeId, { type: 'ExpireConfiguration', data: { requestId, at: now } });
      else if (open.status === 'requested' && !open.sending && this.link.isConnected(open.request.gatewayId))
        await this.send(requestId, open);
    }
  }

  private async step(nodeId: string, command: NodeConfigurationCommand): Promise<boolean> {
    const metadata = { actorId: SENDER_ACTOR, correlationId: command.data.requestId };
    try {
      const { events } = await handleWithDecider(
        this.store,
        nodeStream(nodeId),
        nodeConfigurationDecider,
        command,
        metadata,
        { events: NODE_CONFIGURATION_EVENTS },
      );
      return events.length > 0;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  private async send(requestId: string, open: Open): Promise<void> {
    const { request } = open;
    const node = await this.nodes.find(request.nodeId);
    const target = node ? nodeTargetOf(request.nodeId, node.protocol) : null;
    if (!target) {
      await this.step(request.nodeId, {
        type: 'RejectConfiguration',
        data: {
          requestId,
          detail: `the ${node?.protocol || 'unknown'} driver takes no configuration for this node`,
          at: this.options.now().toISOString(),
        },
      });
      return;
    }
    if (
      !(await this.step(request.nodeId, {
        type: 'MarkConfigurationSent',
        data: { requestId, at: this.options.now().toISOString() },
      }))
    )
      return;
    open.sending = true;
    // A firmware update takes as long as the image needs to cross the network: its answer may come until the expiry.
    const answerTimeoutMs =
      request.change.kind === 'firmware_update'
        ? Math.max(0, Date.parse(request.expiresAt) - this.options.now().getTime())
        : undefined;
    void this.link
      .deliverConfig(request.gatewayId, target, { change: request.change }, answerTimeoutMs)
      .then(async (delivery) => {
        const at = this.options.now().toISOString();
        switch (delivery.kind) {
          case 'answered':
            await this.step(
              request.nodeId,
              delivery.ok
                ? {
                    type: 'ApplyConfiguration',
                    data: { requestId, applied: request.change, confirmation: delivery.detail, at },
                  }
                : { type: 'RejectConfiguration', data: { requestId, detail: delivery.detail, at } },
            );
            return;
          case 'offline':
          case 'no_answer':
            // Sent but unanswered: the device may have taken it, so only the expiry decides now.
            return;
        }
      })
      .catch((error: unknown) =>
        this.options.onError?.(error, `configuration request ${requestId}: recording the answer failed`),
      )
      .finally(() => (open.sending = false));
  }
}
