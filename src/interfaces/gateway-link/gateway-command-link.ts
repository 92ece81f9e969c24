import type { CommandLink, LinkDelivery } from '../../application/control/ports/command-link.port.js';
import { GatewayCommandTimeoutError, GatewayOfflineError, type GatewayCommands } from './gateway-commands.js';

/** The control context's view of the link: is the gateway there, and what did it answer. */
export class GatewayCommandLink implements CommandLink {
  constructor(
    private readonly commands: GatewayCommands,
    private readonly answerTimeoutMs = 10_000,
  ) {}

  isConnected(gatewayId: string): boolean {
    return this.commands.isConnected(gatewayId);
  }

  async deliver(gatewayId: string, action: string, target: string, params: Readonly<Record<string, unknown>>): Promise<LinkDelivery> {
    try {
      const outcome = await this.commands.send(gatewayId, action, target, params, this.answerTimeoutMs);
      return { kind: 'answered', ok: outcome.ok, detail: outcome.detail ?? '' };
    } catch (error) {
      if (error instanceof GatewayOfflineError) return { kind: 'offline' };
      if (error instanceof GatewayCommandTimeoutError) return { kind: 'no_answer', detail: error.message };
      throw error;
    }
  }
}
