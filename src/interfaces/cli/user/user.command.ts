import { InvalidArgumentError, type Command } from 'commander';
import { adminApiOf, callAdminApi, printJson } from '../admin-api-client.js';
import { readPassword } from './password-input.js';

function role(value: string): 'admin' | 'user' {
  if (value !== 'admin' && value !== 'user') throw new InvalidArgumentError('must be admin or user');
  return value;
}

/** `wattlog user …`: user management through the running server's API, authenticated with the admin token. */
export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description("manage users through the running server's admin API (JSON output)")
    .option('--server <url>', 'server base URL (env WATTLOG_URL; default https://127.0.0.1:$PORT)');

  user
    .command('create')
    .description(
      'create a user; the password is asked for without echo, or read from standard input when it is not a terminal',
    )
    .requiredOption('--email <address>', 'login email address')
    .requiredOption('--role <role>', 'admin or user', role)
    .option('--name <display name>', 'display name (default: the part of the email before @)')
    .action(async (options: { email: string; role: 'admin' | 'user'; name?: string }, command: Command) => {
      const api = adminApiOf(command);
      const password = await readPassword();
      const created = await callAdminApi<unknown>(api, 'POST', '/api/users', {
        email: options.email,
        displayName: options.name ?? options.email.split('@')[0] ?? options.email,
        role: options.role,
        password,
      });
      printJson(created);
    });

  user
    .command('list')
    .description('list users (first 500)')
    .action(async (_options: unknown, command: Command) =>
      printJson(await callAdminApi(adminApiOf(command), 'GET', '/api/users?limit=500')),
    );

  user
    .command('role')
    .description("change a user's role; applies on the user's next request")
    .argument('<id>', 'user id')
    .argument('<role>', 'admin or user', role)
    .action(async (id: string, next: string, _options: unknown, command: Command) =>
      printJson(
        await callAdminApi(adminApiOf(command), 'POST', `/api/users/${encodeURIComponent(id)}/role`, { role: next }),
      ),
    );

  user
    .command('disable')
    .description('disable a user; every session ends at once')
    .argument('<id>', 'user id')
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (id: string, options: { reason?: string }, command: Command) =>
      printJson(
        await callAdminApi(
          adminApiOf(command),
          'POST',
          `/api/users/${encodeURIComponent(id)}/disable`,
          options.reason !== undefined ? { reason: options.reason } : {},
        ),
      ),
    );
}
