import { InvalidArgumentError, type Command } from 'commander';
import { AdminApiError, callAdminApi, resolveAdminApi, type AdminApiTarget } from '../admin-api-client.js';

interface AuditPage {
  readonly items: readonly Record<string, unknown>[];
  readonly nextAfterSeq: number | null;
}

interface NodePage {
  readonly items: readonly { readonly nodeId: string }[];
  readonly nextAfter: string | null;
}

interface AuditOptions {
  readonly at?: string;
  readonly gateway?: string;
  readonly node?: string;
  readonly actor?: string;
  readonly object?: string;
  readonly type?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly server?: string;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

function isoTime(value: string): string {
  const time = new Date(value);
  if (!/^\d{4}-\d\d-\d\dT/.test(value) || Number.isNaN(time.getTime()))
    throw new InvalidArgumentError('must be an ISO-8601 date-time, e.g. 2025-03-01T12:00:00Z');
  return time.toISOString();
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1000)
    throw new InvalidArgumentError('must be an integer from 1 to 1000');
  return parsed;
}

const q = encodeURIComponent;

/** The gateway's configuration at the instant, the changes that led to it, and each of its nodes' configuration then. */
async function configurationAt(api: AdminApiTarget, gatewayId: string, at: string, from: string): Promise<unknown> {
  const gateway = await callAdminApi(api, 'GET', `/api/gateways/${q(gatewayId)}/configuration?at=${q(at)}`);
  const changes = await callAdminApi(
    api,
    'GET',
    `/api/gateways/${q(gatewayId)}/configuration/changes?from=${q(from)}&to=${q(at)}`,
  );
  const nodes: unknown[] = [];
  let after: string | null = null;
  do {
    const page: NodePage = await callAdminApi<NodePage>(
      api,
      'GET',
      `/api/nodes?gateway=${q(gatewayId)}&limit=500${after ? `&after=${q(after)}` : ''}`,
    );
    for (const node of page.items) {
      const configuration = await callAdminApi(api, 'GET', `/api/nodes/${q(node.nodeId)}/configuration?at=${q(at)}`);
      const nodeChanges = await callAdminApi(
        api,
        'GET',
        `/api/nodes/${q(node.nodeId)}/configuration/changes?from=${q(from)}&to=${q(at)}`,
      );
      nodes.push({ configuration, changes: nodeChanges });
    }
    after = page.nextAfter;
  } while (after !== null);
  return { at, gateway, changes, nodes };
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description(
      'the audit trail, or with --at the configuration of a gateway (or node) as it was then and the changes that led to it (JSON)',
    )
    .option('--at <iso>', 'point in time: print the configuration as it was then', isoTime)
    .option('--gateway <id>', 'with --at: the gateway (and its nodes)')
    .option('--node <id>', 'with --at: one node')
    .option('--actor <id>', 'trail: only entries by this actor (e.g. user:alice)')
    .option('--object <id>', 'trail: only entries about this gateway, node, sensor or command id')
    .option('--type <type>', 'trail: only this event type')
    .option('--from <iso>', 'trail and changes: from this time (default: the beginning)', isoTime)
    .option('--to <iso>', 'trail: before this time', isoTime)
    .option('--limit <n>', 'trail: entries per page (all pages are printed)', positiveInteger)
    .option('--server <url>', 'server base URL (env WATTLOG_URL; default https://127.0.0.1:$PORT)')
    .action(async (options: AuditOptions) => {
      const api = resolveAdminApi(options.server, process.env);
      const out = (value: unknown): void => {
        process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      };
      if (options.at !== undefined) {
        const from = options.from ?? EPOCH;
        if (options.node !== undefined) {
          const configuration = await callAdminApi(
            api,
            'GET',
            `/api/nodes/${q(options.node)}/configuration?at=${q(options.at)}`,
          );
          const changes = await callAdminApi(
            api,
            'GET',
            `/api/nodes/${q(options.node)}/configuration/changes?from=${q(from)}&to=${q(options.at)}`,
          );
          return out({ at: options.at, node: configuration, changes });
        }
        if (options.gateway === undefined) throw new AdminApiError('--at needs --gateway <id> or --node <id>');
        return out(await configurationAt(api, options.gateway, options.at, from));
      }
      const filters = [
        options.actor !== undefined ? `actorId=${q(options.actor)}` : '',
        options.object !== undefined ? `object=${q(options.object)}` : '',
        options.type !== undefined ? `type=${q(options.type)}` : '',
        options.from !== undefined ? `from=${q(options.from)}` : '',
        options.to !== undefined ? `to=${q(options.to)}` : '',
        `limit=${options.limit ?? 1000}`,
      ].filter(Boolean);
      let afterSeq = 0;
      for (;;) {
        const page = await callAdminApi<AuditPage>(
          api,
          'GET',
          `/api/audit?${[...filters, `afterSeq=${afterSeq}`].join('&')}`,
        );
        for (const entry of page.items) process.stdout.write(`${JSON.stringify(entry)}\n`);
        if (page.nextAfterSeq === null) return;
        afterSeq = page.nextAfterSeq;
      }
    });
}
