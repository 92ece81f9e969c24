import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { AdminApiError, adminApiOf, callAdminApi, printJson } from '../admin-api-client.js';

/** A spec from a JSON file, or `-` for standard input. */
function readSpec(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new AdminApiError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AdminApiError(`${path} is not JSON; a rule spec is a JSON object (docs/automation.md)`);
  }
}

function instant(value: string): string {
  if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('must be an ISO-8601 time with a zone');
  return value;
}

function versionOf(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('must be a whole number from 0');
  return parsed;
}

const path = (ruleId: string, tail = '') => `/api/rules/${encodeURIComponent(ruleId)}${tail}`;

/** `wattlog rule …`: the owner's automation rules through the running server's API (JSON output). */
export function registerRule(program: Command): void {
  const rule = program
    .command('rule')
    .description("automation rules through the running server's API (JSON output; docs/automation.md)")
    .option('--server <url>', 'server base URL (env WATTLOG_URL; default https://127.0.0.1:$PORT)');

  rule
    .command('list')
    .description('the rules of the caller, and proposals made to it')
    .action(async (_o: unknown, command: Command) =>
      printJson(await callAdminApi(adminApiOf(command), 'GET', '/api/rules')),
    );

  rule
    .command('show <ruleId>')
    .description('one rule at its newest version')
    .action(async (ruleId: string, _o: unknown, command: Command) =>
      printJson(await callAdminApi(adminApiOf(command), 'GET', path(ruleId))),
    );

  rule
    .command('define <specFile>')
    .description('define a rule from a JSON spec file (- for standard input)')
    .option('--disabled', 'store it disabled')
    .action(async (specFile: string, options: { disabled?: boolean }, command: Command) =>
      printJson(
        await callAdminApi(adminApiOf(command), 'POST', '/api/rules', {
          spec: readSpec(specFile),
          ...(options.disabled ? { enabled: false } : {}),
        }),
      ),
    );

  rule
    .command('revise <ruleId> <specFile>')
    .description("replace a rule's spec")
    .option('--expected-version <n>', 'refuse if the rule is no longer at this version', versionOf)
    .action(async (ruleId: string, specFile: string, options: { expectedVersion?: number }, command: Command) =>
      printJson(
        await callAdminApi(adminApiOf(command), 'PUT', path(ruleId), {
          spec: readSpec(specFile),
          ...(options.expectedVersion !== undefined ? { expectedVersion: options.expectedVersion } : {}),
        }),
      ),
    );

  rule
    .command('enable <ruleId>')
    .action(async (ruleId: string, _o: unknown, command: Command) =>
      printJson(await callAdminApi(adminApiOf(command), 'POST', path(ruleId, '/enable'))),
    );

  rule
    .command('disable <ruleId>')
    .option('--reason <text>', 'why; kept with the rule')
    .action(async (ruleId: string, options: { reason?: string }, command: Command) =>
      printJson(
        await callAdminApi(adminApiOf(command), 'POST', path(ruleId, '/disable'), {
          ...(options.reason ? { reason: options.reason } : {}),
        }),
      ),
    );

  rule
    .command('accept <ruleId> <specHash>')
    .description("accept a utility's proposal at the version (specHash) you read")
    .action(async (ruleId: string, specHash: string, _o: unknown, command: Command) =>
      printJson(await callAdminApi(adminApiOf(command), 'POST', path(ruleId, '/accept'), { specHash })),
    );

  rule
    .command('decline <ruleId> <specHash>')
    .option('--reason <text>', 'why')
    .action(async (ruleId: string, specHash: string, options: { reason?: string }, command: Command) =>
      printJson(
        await callAdminApi(adminApiOf(command), 'POST', path(ruleId, '/decline'), {
          specHash,
          ...(options.reason ? { reason: options.reason } : {}),
        }),
      ),
    );

  rule.command('delete <ruleId>').action(async (ruleId: string, _o: unknown, command: Command) => {
    await callAdminApi(adminApiOf(command), 'DELETE', path(ruleId));
    printJson({ deleted: ruleId });
  });

  rule
    .command('dry-run')
    .description('what the rules in force (and a draft) would switch between --from and --to, and why not elsewhere')
    .requiredOption('--from <time>', 'ISO-8601 start', instant)
    .requiredOption('--to <time>', 'ISO-8601 end, at most 31 days later', instant)
    .option('--draft <specFile>', 'a rule spec not saved yet, planned beside the others')
    .option('--only-draft', 'plan the draft alone')
    .action(async (options: { from: string; to: string; draft?: string; onlyDraft?: boolean }, command: Command) =>
      printJson(
        await callAdminApi(adminApiOf(command), 'POST', '/api/rules/dry-run', {
          from: options.from,
          to: options.to,
          ...(options.draft ? { draft: readSpec(options.draft) } : {}),
          ...(options.onlyDraft ? { onlyDraft: true } : {}),
        }),
      ),
    );
}
