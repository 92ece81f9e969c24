import {
  networkConfigurationDecider,
  type NetworkConfigurationCommand,
} from '../../../../domain/gateways/network-configuration.decider.js';
import {
  NETWORK_CONFIGURATION_EVENT_TYPES,
  type NetworkConfigurationChange,
  type NetworkConfigurationReport,
  type NetworkConfigurationRequested,
} from '../../../../domain/gateways/network-configuration.events.js';
import {
  WrongExpectedRevisionError,
  type AllFilter,
  type EventStore,
  type RecordedEvent,
} from '../../../ports/event-store.port.js';
import { LogDrivenWorker, type LogDrivenWorkerOptions } from '../../../shared/log-driven-worker.js';
import { followRequest, type OpenRequest } from '../../../shared/open-requests.js';
import { GATEWAY_STREAM_PREFIX, gatewayStream } from '../../gateway-stream.js';
import { handleWithDecider } from '../../../shared/decider-command.js';
import { NETWORK_CONFIGURATION_EVENTS } from '../network-stream.js';
import type { NetworkLink } from '../ports/network-link.port.js';

const FILTER: AllFilter = { streamPrefixes: [GATEWAY_STREAM_PREFIX], types: NETWORK_CONFIGURATION_EVENT_TYPES };
const SENDER_ACTOR = 'system:network-configuration-sender';
/** Link sessions append to the gateway stream too, often right as a gateway connects: a conflict means deciding again. */
const ATTEMPTS = 5;

export interface NetworkSenderOptions extends LogDrivenWorkerOptions {
  readonly now: () => Date;
}

type Open = OpenRequest<NetworkConfigurationRequested['data']>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The coordinator's report as the link carried it, in the shape of the change's kind; null when it is not. */
export function readNetworkReport(
  kind: NetworkConfigurationChange['kind'],
  value: unknown,
): NetworkConfigurationReport | null {
  if (!isRecord(value) || value.kind !== kind) return null;
  switch (kind) {
    case 'permit_join': {
      const { open, until } = value;
      return typeof open === 'boolean' && (until === null || typeof until === 'string') ? { kind, open, until } : null;
    }
    case 'channel': {
      const { channel, panId, extendedPanId, nwkUpdateId } = value;
      return typeof channel === 'number' &&
        typeof panId === 'number' &&
        typeof extendedPanId === 'string' &&
        typeof nwkUpdateId === 'number'
        ? { kind, channel, panId, extendedPanId, nwkUpdateId }
        : null;
    }
  }
}

/**
 * Sends network configuration requests (permit join, channel) down the link, from the event log: requests for an
 * offline gateway wait until it connects or they expire. Each step is decided on the gateway's freshly read stream
 * at its revision, so several server nodes can run senders side by side.
 */
export class NetworkConfigurationSender extends LogDrivenWorker {
  private readonly open = new Map<string, Open>();

  constructor(
    private readonly store: EventStore,
    private readonly link: NetworkLink,
    private readonly options: NetworkSenderOptions,
  ) {
    super(store, FILTER, 'network configuration sender', options);
  }

  protected apply(event: RecordedEvent): void {
    followRequest(this.open, event, { requested: 'NetworkConfigurationRequested', sent: 'NetworkConfigurationSent' });
  }

  /**
   * In log order, and one change at a time per gateway (the next goes out once the coordinator answered the one
   * before), so two changes of one network are applied in the order they were asked for.
   */
  protected async pass(): Promise<void> {
    for (const [requestId, open] of [...this.open]) {
      if (this.loop.stopped) return;
      const { gatewayId, expiresAt } = open.request;
      const now = this.options.now().toISOString();
      if (now >= expiresAt)
        await this.step(gatewayId, { type: 'ExpireNetworkConfiguration', data: { requestId, at: now } });
      else if (open.status === 'requested' && !this.busy(gatewayId) && this.link.isConnected(gatewayId))
        await this.send(requestId, open);
    }
  }

  private busy(gatewayId: string): boolean {
    return [...this.open.values()].some((o) => o.sending && o.request.gatewayId === gatewayId);
  }

  private async step(gatewayId: string, command: NetworkConfigurationCommand): Promise<boolean> {
    const metadata = { actorId: SENDER_ACTOR, correlationId: command.data.requestId };
    try {
      const options = { events: NETWORK_CONFIGURATION_EVENTS, attempts: ATTEMPTS };
      const { events } = await handleWithDecider(
        this.store,
        gatewayStream(gatewayId),
        networkConfigurationDecider,
        command,
        metadata,
        options,
      );
      return events.length > 0;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  private async send(requestId: string, open: Open): Promise<void> {
    const { request } = open;
    // Marked before the step is decided, so no other change of this gateway goes out meanwhile.
    open.sending = true;
    let sent = false;
    try {
      sent = await this.step(request.gatewayId, {
        type: 'MarkNetworkConfigurationSent',
        data: { requestId, at: this.options.now().toISOString() },
      });
    } finally {
      if (!sent) open.sending = false;
    }
    if (!sent) return;
    void this.link
      .deliverNetworkConfiguration(request.gatewayId, request.change)
      .then(async (delivery) => {
        const at = this.options.now().toISOString();
        switch (delivery.kind) {
          case 'answered': {
            if (!delivery.ok) {
              await this.step(request.gatewayId, {
                type: 'RejectNetworkConfiguration',
                data: { requestId, detail: delivery.detail || 'the gateway refused', at },
              });
              return;
            }
            const report = readNetworkReport(request.change.kind, delivery.report);
            await this.step(
              request.gatewayId,
              report
                ? { type: 'ApplyNetworkConfiguration', data: { requestId, report, confirmation: delivery.detail, at } }
                : {
                    type: 'RejectNetworkConfiguration',
                    data: {
                      requestId,
                      detail: `the gateway answered "${delivery.detail}" without the coordinator's report of its network (an agent older than this server?)`,
                      at,
                    },
                  },
            );
            return;
          }
          case 'offline':
          case 'no_answer':
            // Sent but unanswered: the coordinator may have taken it, so only the expiry decides now.
            return;
        }
      })
      .catch((error: unknown) =>
        this.options.onError?.(error, `network configuration request ${requestId}: recording the answer failed`),
      )
      .finally(() => (open.sending = false));
  }
}
