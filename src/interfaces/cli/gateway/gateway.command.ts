import { InvalidArgumentError, type Command } from 'commander';
import { callAdminApi, resolveAdminApi, type AdminApiTarget } from './admin-api-client.js';

interface IssuedKey {
  readonly id: string;
  readonly key: string;
  readonly fingerprint: string;
}

interface GatewayPage {
  readonly items: readonly unknown[];
  readonly nextAfter: string | null;
}

const DEFAULT_LINK_PORT = 7700;

function number(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new InvalidArgumentError('must be a number');
  return parsed;
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Where agents connect: WATTLOG_LINK_HOST/WATTLOG_LINK_PORT, else the API's host and the default link port. */
function linkEndpoint(target: AdminApiTarget): { linkHost: string; linkPort: number } {
  const port = process.env.WATTLOG_LINK_PORT ? Number(process.env.WATTLOG_LINK_PORT) : DEFAULT_LINK_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InvalidArgumentError(`WATTLOG_LINK_PORT=${JSON.stringify(process.env.WATTLOG_LINK_PORT)} is not a port number`);
  }
  return { linkHost: process.env.WATTLOG_LINK_HOST || target.url.hostname.replace(/^\[(.*)\]$/, '$1'), linkPort: port };
}

function target(command: Command): AdminApiTarget {
  const { server } = command.optsWithGlobals<{ server?: string }>();
  return resolveAdminApi(server, process.env);
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
    .action(async (options: { name: string; networkType: string; address: string; lat: number; lon: number; label?: string; description?: string; owner?: string; id?: string }, command: Command) => {
      const api = target(command);
      const issued = await callAdminApi<IssuedKey>(api, 'POST', '/api/gateways', {
        ...(options.id !== undefined ? { id: options.id } : {}),
        name: options.name,
        networkType: options.networkType,
        address: options.address,
        location: { lat: options.lat, lon: options.lon, ...(options.label !== undefined ? { label: options.label } : {}) },
        ...(options.description !== undefined ? { description: options.description } : {}),
        ...(options.owner !== undefined ? { ownerId: options.owner } : {}),
      });
      print({ ...issued, ...linkEndpoint(api) });
    });

  gateway
    .command('rotate-key')
    .description('issue a new network key (printed once); the old key stops working and live sessions drop')
    .argument('<id>', 'gateway id')
    .action(async (id: string, _options: unknown, command: Command) => {
      const api = target(command);
      const issued = await callAdminApi<IssuedKey>(api, 'POST', `/api/gateways/${encodeURIComponent(id)}/rotate-key`);
      print({ ...issued, ...linkEndpoint(api) });
    });

  gateway
    .command('decommission')
    .description('retire a gateway for good: its key stops working and live sessions drop')
    .argument('<id>', 'gateway id')
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (id: string, options: { reason?: string }, command: Command) => {
      const body = options.reason !== undefined ? { reason: options.reason } : {};
      print(await callAdminApi(target(command), 'POST', `/api/gateways/${encodeURIComponent(id)}/decommission`, body));
    });

  gateway
    .command('permit-join')
    .description('let new devices join the gateway\'s ZigBee network for a while (0 closes it); the gateway answers')
    .argument('<id>', 'gateway id')
    .option('--seconds <n>', 'how long, 0..254', (v) => Number(v), 60)
    .action(async (id: string, options: { seconds: number }, command: Command) => {
      print(await callAdminApi(target(command), 'POST', `/api/gateways/${encodeURIComponent(id)}/permit-join`, { seconds: options.seconds }));
    });

  gateway
    .command('list')
    .description('list gateways with their status')
    .option('--lifecycle <state>', 'registered or decommissioned')
    .action(async (options: { lifecycle?: string }, command: Command) => {
      const api = target(command);
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
      print(items);
    });
}
