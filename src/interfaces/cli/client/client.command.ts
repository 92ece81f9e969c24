import type { Command } from 'commander';
import { adminApiOf, callAdminApi, printJson } from '../admin-api-client.js';

/** `wattlog client …`: API clients of third parties; secrets are printed once, when issued. */
export function registerClient(program: Command): void {
  const client = program
    .command('client')
    .description("manage API clients through the running server's admin API (JSON output)")
    .option('--server <url>', 'server base URL (env WATTLOG_URL; default https://127.0.0.1:$PORT)');

  client
    .command('register')
    .description('register a client for an organisation and print its id and secret (shown only this once)')
    .requiredOption('--organisation <name>', 'the organisation (e.g. a utility)')
    .requiredOption('--name <name>', 'what the client is for')
    .option('--role <role>', 'api (reads what owners grant) or bl (a utility speaking OpenADR 3.1.0)', 'api')
    .option('--provider <id>', 'bl only: the provider it acts for (default: a provider of its own)')
    .action(
      async (options: { organisation: string; name: string; role: string; provider?: string }, command: Command) =>
        printJson(
          await callAdminApi(adminApiOf(command), 'POST', '/api/clients', {
            organisation: options.organisation,
            name: options.name,
            role: options.role,
            ...(options.provider !== undefined ? { providerId: options.provider } : {}),
          }),
        ),
    );

  client
    .command('list')
    .description('list API clients (first 500)')
    .action(async (_options: unknown, command: Command) =>
      printJson(await callAdminApi(adminApiOf(command), 'GET', '/api/clients?limit=500')),
    );

  client
    .command('rotate-secret')
    .description('issue a new secret (printed once); the old one stops working')
    .argument('<id>', 'client id')
    .action(async (id: string, _options: unknown, command: Command) =>
      printJson(
        await callAdminApi(adminApiOf(command), 'POST', `/api/clients/${encodeURIComponent(id)}/rotate-secret`),
      ),
    );

  client
    .command('revoke')
    .description('revoke the client; its tokens are refused from the next request on')
    .argument('<id>', 'client id')
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (id: string, options: { reason?: string }, command: Command) =>
      printJson(
        await callAdminApi(
          adminApiOf(command),
          'POST',
          `/api/clients/${encodeURIComponent(id)}/revoke`,
          options.reason !== undefined ? { reason: options.reason } : {},
        ),
      ),
    );
}
