import { randomUUID } from 'node:crypto';
import type {
  CommandMessage,
  CommandResultMessage,
  ConfigMessage,
} from '../../infrastructure/tls-link/link-messages.js';
import type { LinkServer } from './link-server.js';

export class GatewayOfflineError extends Error {
  override readonly name = 'GatewayOfflineError';
  constructor(readonly gatewayId: string) {
    super(`gateway ${gatewayId} is not connected`);
  }
}

export class GatewayCommandTimeoutError extends Error {
  override readonly name = 'GatewayCommandTimeoutError';
  constructor(
    readonly gatewayId: string,
    readonly action: string,
    timeoutMs: number,
  ) {
    super(`gateway ${gatewayId} did not answer ${action} within ${timeoutMs} ms`);
  }
}

export interface GatewayCommandOutcome {
  readonly ok: boolean;
  readonly detail?: string;
  readonly report?: Readonly<Record<string, unknown>>;
}

interface Pending {
  readonly gatewayId: string;
  readonly resolve: (outcome: GatewayCommandOutcome) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Sends a command down a gateway's live session and waits for the gateway's answer. The HTTP layer exists before the
 * link is listening, so the link server is attached once it is.
 */
export class GatewayCommands {
  private server: LinkServer | undefined;
  private readonly pending = new Map<string, Pending>();

  attach(server: LinkServer): void {
    this.server = server;
  }

  /** Whether the gateway has an open session on this server node. */
  isConnected(gatewayId: string): boolean {
    return this.server?.sessions().some((s) => s.gatewayId === gatewayId && s.open) ?? false;
  }

  send(
    gatewayId: string,
    action: string,
    target: string,
    params: Readonly<Record<string, unknown>>,
    timeoutMs = 10_000,
  ): Promise<GatewayCommandOutcome> {
    return this.roundTrip(gatewayId, action, timeoutMs, (commandId) => ({
      type: 'command',
      commandId,
      target,
      action,
      params,
    }));
  }

  /** A configuration change for one node; answered like a command. */
  configure(
    gatewayId: string,
    target: string,
    settings: Readonly<Record<string, unknown>>,
    timeoutMs = 10_000,
  ): Promise<GatewayCommandOutcome> {
    return this.roundTrip(gatewayId, 'config', timeoutMs, (commandId) => ({
      type: 'config',
      commandId,
      target,
      settings,
    }));
  }

  private roundTrip(
    gatewayId: string,
    action: string,
    timeoutMs: number,
    message: (commandId: string) => CommandMessage | ConfigMessage,
  ): Promise<GatewayCommandOutcome> {
    const commandId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(commandId);
        reject(new GatewayCommandTimeoutError(gatewayId, action, timeoutMs));
      }, timeoutMs);
      this.pending.set(commandId, { gatewayId, resolve, timer });
      if (!this.server?.send(gatewayId, message(commandId))) {
        clearTimeout(timer);
        this.pending.delete(commandId);
        reject(new GatewayOfflineError(gatewayId));
      }
    });
  }

  /** A command result that came up the link; results of another gateway or of no pending command are ignored. */
  resolve(gatewayId: string, result: CommandResultMessage): void {
    const pending = this.pending.get(result.commandId);
    if (!pending || pending.gatewayId !== gatewayId) return;
    clearTimeout(pending.timer);
    this.pending.delete(result.commandId);
    pending.resolve({
      ok: result.ok,
      ...(result.detail !== undefined ? { detail: result.detail } : {}),
      ...(result.report !== undefined ? { report: result.report } : {}),
    });
  }
}
