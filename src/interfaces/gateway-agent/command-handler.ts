import type { CommandMessage, ConfigMessage } from '../../infrastructure/tls-link/link-messages.js';

export interface CommandOutcome {
  readonly ok: boolean;
  readonly detail?: string;
}

/** Applies commands and configuration that come down the link; device drivers implement it. */
export interface CommandHandler {
  handle(message: CommandMessage | ConfigMessage): Promise<CommandOutcome>;
}

/** Until a driver takes commands, each is answered (never silently ignored) as not applicable. */
export const NO_DEVICE_COMMANDS: CommandHandler = {
  handle: (message) =>
    Promise.resolve({ ok: false, detail: `no device driver on this gateway handles ${message.type} for ${message.target}` }),
};
