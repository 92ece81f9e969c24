import { InvalidArgumentError, type Command } from 'commander';
import { callAdminApi, resolveAdminApi } from '../gateway/admin-api-client.js';
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
    .description('create a user; the password is asked for without echo, or read from standard input when it is not a terminal')
    .requiredOption('--email <address>', 'login email address')
    .requiredOption('--role <role>', 'admin or user', role)
    .option('--name <display name>', 'display name (default: the part of the email before @)')
    .action(async (options: { email: string; role: 'admin' | 'user'; name?: string }, command: Command) => {
      const { server } = command.optsWithGlobals<{ server?: string }>();
      const api = resolveAdminApi(server, process.env);
      const password = await readPassword();
      const created = await callAdminApi<unknown>(api, 'POST', '/api/users', {
        email: options.email,
        displayName: options.name ?? options.email.split('@')[0] ?? options.email,
        role: options.role,
        password,
      });
      process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
    });
}
