import type { CommandLink, LinkDelivery } from '../../application/control/ports/command-link.port.js';
import { GatewayCommandTimeoutError, GatewayOfflineError, type GatewayCommandOutcome, type GatewayCommands } from './gateway-commands.js';

/** The control context's view of the link: is the gateway there, and what did it answer. */
export class GatewayCommandLink implements CommandLink {
  constructor(
    private readonly commands: GatewayCommands,
    private readonly answerTimeoutMs = 10_000,
  ) {}

  isConnected(gatewayId: string): boolean {
    return this.commands.isConnected(gatewayId);
  }

  deliver(gatewayId: string, action: string, target: string, params: Readonly<Record<string, unknown>>): Promise<LinkDelivery> {
    return this.answerOf(this.commands.send(gatewayId, action, target, params, this.answerTimeoutMs));
  }

  deliverConfig(gatewayId: string, target: string, settings: Readonly<Record<string, unknown>>): Promise<LinkDelivery> {
    return this.answerOf(this.commands.configure(gatewayId, target, settings, this.answerTimeoutMs));
  }

  private async answerOf(sent: Promise<GatewayCommandOutcome>): Promise<LinkDelivery> {
    try {
      const outcome = await sent;
      return { kind: 'answered', ok: outcome.ok, detail: outcome.detail ?? '' };
    } catch (error) {
      if (error instanceof GatewayOfflineError) return { kind: 'offline' };
      if (error instanceof GatewayCommandTimeoutError) return { kind: 'no_answer', detail: error.message };
      throw error;
    }
  }
}
