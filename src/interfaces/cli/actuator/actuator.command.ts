import { InvalidArgumentError, type Command } from 'commander';
import { SWITCH_ACTIONS, isSwitchAction } from '../../../domain/control/actuator-command.events.js';
import { AdminApiError, adminApiOf, callAdminApi, printJson, type AdminApiTarget } from '../admin-api-client.js';

interface CommandView {
  readonly commandId: string;
  readonly status: string;
}

const SETTLED = new Set(['acknowledged', 'failed', 'timed_out']);

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

async function waitForOutcome(api: AdminApiTarget, commandId: string, timeoutSeconds: number): Promise<CommandView> {
  const deadline = performance.now() + (timeoutSeconds + 5) * 1000;
  for (;;) {
    const view = await callAdminApi<CommandView>(api, 'GET', `/api/actuator-commands/${commandId}`);
    if (SETTLED.has(view.status)) return view;
    if (performance.now() > deadline) throw new AdminApiError(`command ${commandId} is still ${view.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function registerActuator(program: Command): void {
  const actuator = program
    .command('actuator')
    .description("switch smart plugs and relays through the running server's API (JSON output)")
    .option('--server <url>', 'server base URL (env WATTLOG_URL; default https://127.0.0.1:$PORT)');

  actuator
    .command('switch <sensorId> <action>')
    .description(`switch an actuator (its switchState sensor id): ${SWITCH_ACTIONS.join(', ')}`)
    .option('--reason <text>', 'why; kept in the audit trail')
    .option('--timeout <seconds>', 'give up when no outcome by then (default 60)', positiveInteger)
    .option('--key <idempotency-key>', 'repeat-safe: the same key never makes a second command')
    .option('--wait', 'wait for the outcome (exit 1 unless acknowledged)')
    .action(
      async (
        sensorId: string,
        action: string,
        options: { reason?: string; timeout?: number; key?: string; wait?: boolean },
        command: Command,
      ) => {
        if (!isSwitchAction(action))
          throw new InvalidArgumentError(
            `action must be one of ${SWITCH_ACTIONS.join(', ')}, got ${JSON.stringify(action)}`,
          );
        const api = adminApiOf(command);
        const body = {
          sensorId,
          action,
          origin: 'cli',
          ...(options.reason !== undefined ? { reason: options.reason } : {}),
          ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}),
        };
        const requested = await callAdminApi<CommandView>(
          api,
          'POST',
          '/api/actuator-commands',
          body,
          options.key !== undefined ? { 'idempotency-key': options.key } : {},
        );
        if (!options.wait) return printJson(requested);
        const done = await waitForOutcome(api, requested.commandId, options.timeout ?? 60);
        printJson(done);
        if (done.status !== 'acknowledged') process.exitCode = 1;
      },
    );

  actuator
    .command('status <commandId>')
    .description('where a command is: requested, dispatched, acknowledged, failed or timed_out')
    .action(async (commandId: string, _options: unknown, command: Command) => {
      printJson(
        await callAdminApi<CommandView>(
          adminApiOf(command),
          'GET',
          `/api/actuator-commands/${encodeURIComponent(commandId)}`,
        ),
      );
    });
}
