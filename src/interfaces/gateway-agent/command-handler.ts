import type { FrameSource } from '../../application/ports/frame-source.port.js';
import type { CommandMessage, ConfigMessage } from '../../infrastructure/tls-link/link-messages.js';

export interface CommandOutcome {
  readonly ok: boolean;
  readonly detail?: string;
  readonly report?: Readonly<Record<string, unknown>>;
}

/** Applies commands and configuration that come down the link; device drivers implement it. */
export interface CommandHandler {
  handle(message: CommandMessage | ConfigMessage): Promise<CommandOutcome>;
}

/** Until a driver takes commands, each is answered (never silently ignored) as not applicable. */
export const NO_DEVICE_COMMANDS: CommandHandler = {
  handle: (message) =>
    Promise.resolve({
      ok: false,
      detail: `no device driver on this gateway handles ${message.type} for ${message.target}`,
    }),
};

/** Commands and configuration go to the driver when it takes them; a driver error is the answer, never a crash. */
export function driverCommands(source: FrameSource | undefined): CommandHandler {
  const command = source?.command?.bind(source);
  const configure = source?.configure?.bind(source);
  if (!command && !configure) return NO_DEVICE_COMMANDS;
  return {
    handle: async (message) => {
      try {
        if (message.type === 'command' && command) {
          return await command({
            action: message.action,
            target: message.target,
            ...(message.params ? { params: message.params } : {}),
          });
        }
        if (message.type === 'config' && configure)
          return await configure({ target: message.target, settings: message.settings });
        return await NO_DEVICE_COMMANDS.handle(message);
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
