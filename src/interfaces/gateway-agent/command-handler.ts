import type { FrameSource } from '../../application/ports/frame-source.port.js';
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

/** Commands go to the driver when it takes them; configuration is the configuration unit's (not yet applied here). */
export function driverCommands(source: FrameSource | undefined): CommandHandler {
  const command = source?.command?.bind(source);
  if (!command) return NO_DEVICE_COMMANDS;
  return {
    handle: async (message) => {
      if (message.type !== 'command') return NO_DEVICE_COMMANDS.handle(message);
      try {
        return await command({ action: message.action, target: message.target, ...(message.params ? { params: message.params } : {}) });
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
