import { InvalidArgumentError, type Command } from 'commander';
import { AdminApiError, adminApiOf, callAdminApi, printJson, type AdminApiTarget } from '../admin-api-client.js';

interface IssuedKey {
  readonly id: string;
  readonly key: string;
  readonly fingerprint: string;
}

interface GatewayPage {
  readonly items: readonly unknown[];
  readonly nextAfter: string | null;
}

/** A network configuration request as the server answers it (`requestNetworkConfiguration`, `permitGatewayJoin`). */
interface NetworkRequest {
  readonly requestId: string;
  readonly gatewayId: string;
  readonly field: string;
  readonly status: string;
  readonly expiresAt: string;
}

interface ConfigurationChange {
  readonly requestId?: string;
  readonly type: string;
  readonly after: unknown;
  readonly detail?: string | null;
}

const DEFAULT_LINK_PORT = 7700;
const OUTCOMES: Readonly<Record<string, string>> = {
  NetworkConfigurationApplied: 'applied',
  NetworkConfigurationRejected: 'rejected',
  NetworkConfigurationTimedOut: 'timed_out',
};

function number(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new InvalidArgumentError('must be a number');
  return parsed;
}

function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isInteger(parsed) || parsed < min || parsed > max)
      throw new InvalidArgumentError(`must be an integer from ${min} to ${max}`);
    return parsed;
  };
}

/** Where agents connect: WATTLOG_LINK_HOST/WATTLOG_LINK_PORT, else the API's host and the default link port. */
function linkEndpoint(target: AdminApiTarget): { linkHost: string; linkPort: number } {
  const port = process.env.WATTLOG_LINK_PORT ? Number(process.env.WATTLOG_LINK_PORT) : DEFAULT_LINK_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InvalidArgumentError(
      `WATTLOG_LINK_PORT=${JSON.stringify(process.env.WATTLOG_LINK_PORT)} is not a port number`,
    );
  }
  return { linkHost: process.env.WATTLOG_LINK_HOST || target.url.hostname.replace(/^\[(.*)\]$/, '$1'), linkPort: port };
}

/** Follows the gateway's configuration changes until the request has its outcome (the server records every step). */
async function waitForOutcome(api: AdminApiTarget, request: NetworkRequest): Promise<Record<string, unknown>> {
  const from = new Date(Date.parse(request.expiresAt) - 2 * 24 * 3600 * 1000).toISOString();
  const to = new Date(Date.parse(request.expiresAt) + 24 * 3600 * 1000).toISOString();
  const path = `/api/gateways/${encodeURIComponent(request.gatewayId)}/configuration/changes?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const deadline = Date.parse(request.expiresAt) + 5_000;
  for (;;) {
    const changes = await callAdminApi<ConfigurationChange[]>(api, 'GET', path);
    const outcome = changes.find((c) => c.requestId === request.requestId && OUTCOMES[c.type] !== undefined);
    if (outcome) {
      const status = OUTCOMES[outcome.type]!;
      return {
        ...request,
        status,
        outcome: outcome.detail ?? null,
        applied: status === 'applied' ? outcome.after : null,
      };
    }
    if (Date.now() > deadline)
      throw new AdminApiError(`network configuration request ${request.requestId} has no outcome yet`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function registerGateway(program: Command): void {
  const gateway = program
    .command('gateway')
    .description("manage gateways through the running server's admin API (JSON output)")
    .option('--server <url>', 'server base URL (env WATTLOG_URL; default https://127.0.0.1:$PORT)');

  gateway
    .command('register')
    .description('register a gateway and print its network key (shown only this once)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--network-type <type>', 'zigbee, zigbee2mqtt, dsmr or modbus')
    .requiredOption('--address <address>', "the gateway's address (host, IP or serial port)")
    .requiredOption('--lat <degrees>', 'latitude, -90..90', number)
    .requiredOption('--lon <degrees>', 'longitude, -180..180', number)
    .option('--label <text>', 'location label')
    .option('--description <text>', 'free text')
    .option('--owner <id>', 'owner id (default: the admin principal)')
    .option('--id <id>', 'gateway id (default: a generated UUID)')
    .action(
      async (
        options: {
          name: string;
          networkType: string;
          address: string;
          lat: number;
          lon: number;
          label?: string;
          description?: string;
          owner?: string;
          id?: string;
        },
        command: Command,
      ) => {
        const api = adminApiOf(command);
        const issued = await callAdminApi<IssuedKey>(api, 'POST', '/api/gateways', {
          ...(options.id !== undefined ? { id: options.id } : {}),
          name: options.name,
          networkType: options.networkType,
          address: options.address,
          location: {
            lat: options.lat,
            lon: options.lon,
            ...(options.label !== undefined ? { label: options.label } : {}),
          },
          ...(options.description !== undefined ? { description: options.description } : {}),
          ...(options.owner !== undefined ? { ownerId: options.owner } : {}),
        });
        printJson({ ...issued, ...linkEndpoint(api) });
      },
    );

  gateway
    .command('rotate-key')
    .description('issue a new network key (printed once); the old key stops working and live sessions drop')
    .argument('<id>', 'gateway id')
    .action(async (id: string, _options: unknown, command: Command) => {
      const api = adminApiOf(command);
      const issued = await callAdminApi<IssuedKey>(api, 'POST', `/api/gateways/${encodeURIComponent(id)}/rotate-key`);
      printJson({ ...issued, ...linkEndpoint(api) });
    });

  gateway
    .command('decommission')
    .description('retire a gateway for good: its key stops working and live sessions drop')
    .argument('<id>', 'gateway id')
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (id: string, options: { reason?: string }, command: Command) => {
      const body = options.reason !== undefined ? { reason: options.reason } : {};
      printJson(
        await callAdminApi(adminApiOf(command), 'POST', `/api/gateways/${encodeURIComponent(id)}/decommission`, body),
      );
    });

  gateway
    .command('erase-period')
    .description("erase, on a former owner's request, their ended ownership periods of the gateway (ADR 0030)")
    .argument('<id>', 'gateway id')
    .requiredOption('--owner <id>', "the former owner's user id")
    .requiredOption('--reason <text>', 'why, kept in the tombstone')
    .action(async (id: string, options: { owner: string; reason: string }, command: Command) => {
      const body = { ownerId: options.owner, reason: options.reason };
      const path = `/api/gateways/${encodeURIComponent(id)}/ownership-periods/erase`;
      printJson(await callAdminApi(adminApiOf(command), 'POST', path, body));
    });

  gateway
    .command('permit-join')
    .description(
      "let new devices join the gateway's ZigBee network for a while (0 closes it): recorded as a network configuration request; " +
        'prints the applied request when the gateway is connected, else the waiting one',
    )
    .argument('<id>', 'gateway id')
    .option('--seconds <n>', 'how long, 0..254', integerIn(0, 254), 60)
    .option('--reason <text>', 'why; kept in the audit trail')
    .option('--timeout <seconds>', 'how long the request may wait for the gateway (default 120)', integerIn(1, 86400))
    .action(async (id: string, options: { seconds: number; reason?: string; timeout?: number }, command: Command) => {
      const body = {
        seconds: options.seconds,
        ...(options.reason !== undefined ? { reason: options.reason } : {}),
        ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}),
      };
      printJson(
        await callAdminApi(adminApiOf(command), 'POST', `/api/gateways/${encodeURIComponent(id)}/permit-join`, body),
      );
    });

  gateway
    .command('channel')
    .description(
      "move the gateway's running ZigBee network to another channel: the request waits for the gateway and is applied once its coordinator reports the new channel",
    )
    .argument('<id>', 'gateway id')
    .argument('<channel>', 'ZigBee channel, 11..26', integerIn(11, 26))
    .option('--reason <text>', 'why; kept in the audit trail')
    .option('--timeout <seconds>', 'how long the request may wait for the gateway (default 120)', integerIn(1, 86400))
    .option('--wait', 'wait for the outcome and print it (exit 1 unless applied)')
    .action(
      async (
        id: string,
        channel: number,
        options: { reason?: string; timeout?: number; wait?: boolean },
        command: Command,
      ) => {
        const api = adminApiOf(command);
        const body = {
          kind: 'channel',
          channel,
          ...(options.reason !== undefined ? { reason: options.reason } : {}),
          ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}),
        };
        const requested = await callAdminApi<NetworkRequest>(
          api,
          'POST',
          `/api/gateways/${encodeURIComponent(id)}/network-configuration`,
          body,
        );
        if (!options.wait) return printJson(requested);
        const done = await waitForOutcome(api, requested);
        printJson(done);
        if (done.status !== 'applied') process.exitCode = 1;
      },
    );

  gateway
    .command('list')
    .description('list gateways with their status')
    .option('--lifecycle <state>', 'registered or decommissioned')
    .action(async (options: { lifecycle?: string }, command: Command) => {
      const api = adminApiOf(command);
      const items: unknown[] = [];
      let after: string | null = null;
      do {
        const query = new URLSearchParams({ limit: '1000' });
        if (options.lifecycle !== undefined) query.set('lifecycle', options.lifecycle);
        if (after !== null) query.set('after', after);
        const page: GatewayPage = await callAdminApi<GatewayPage>(api, 'GET', `/api/gateways?${query.toString()}`);
        items.push(...page.items);
        after = page.nextAfter;
      } while (after !== null);
      printJson(items);
    });
}
