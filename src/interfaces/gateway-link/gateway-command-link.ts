import type { CommandLink, LinkDelivery } from '../../application/control/ports/command-link.port.js';
import type {
  NetworkDelivery,
  NetworkLink,
} from '../../application/gateways/network-configuration/ports/network-link.port.js';
import { NETWORK_CONFIG_ACTION } from '../../application/ports/frame-source.port.js';
import type { NetworkConfigurationChange } from '../../domain/gateways/network-configuration.events.js';
import {
  GatewayCommandTimeoutError,
  GatewayOfflineError,
  type GatewayCommandOutcome,
  type GatewayCommands,
} from './gateway-commands.js';

/**
 * A coordinator confirms a channel change only once it has moved (herdsman itself allows 12 s for that), so network
 * changes get longer than commands to answer.
 */
export const NETWORK_ANSWER_TIMEOUT_MS = 60_000;

/** The control and network configuration contexts' view of the link: is the gateway there, and what did it answer. */
export class GatewayCommandLink implements CommandLink, NetworkLink {
  constructor(
    private readonly commands: GatewayCommands,
    private readonly answerTimeoutMs = 10_000,
    private readonly networkAnswerTimeoutMs = NETWORK_ANSWER_TIMEOUT_MS,
  ) {}

  isConnected(gatewayId: string): boolean {
    return this.commands.isConnected(gatewayId);
  }

  deliver(
    gatewayId: string,
    action: string,
    target: string,
    params: Readonly<Record<string, unknown>>,
  ): Promise<LinkDelivery> {
    return this.answerOf(this.commands.send(gatewayId, action, target, params, this.answerTimeoutMs));
  }

  deliverConfig(
    gatewayId: string,
    target: string,
    settings: Readonly<Record<string, unknown>>,
    answerTimeoutMs?: number,
  ): Promise<LinkDelivery> {
    return this.answerOf(
      this.commands.configure(gatewayId, target, settings, Math.max(answerTimeoutMs ?? 0, this.answerTimeoutMs)),
    );
  }

  deliverNetworkConfiguration(gatewayId: string, change: NetworkConfigurationChange): Promise<NetworkDelivery> {
    return this.answerOf(
      this.commands.send(gatewayId, NETWORK_CONFIG_ACTION, gatewayId, { change }, this.networkAnswerTimeoutMs),
    );
  }

  private async answerOf(sent: Promise<GatewayCommandOutcome>): Promise<NetworkDelivery> {
    try {
      const outcome = await sent;
      return { kind: 'answered', ok: outcome.ok, detail: outcome.detail ?? '', report: outcome.report ?? null };
    } catch (error) {
      if (error instanceof GatewayOfflineError) return { kind: 'offline' };
      if (error instanceof GatewayCommandTimeoutError) return { kind: 'no_answer', detail: error.message };
      throw error;
    }
  }
}
