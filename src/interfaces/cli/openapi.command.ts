import type { Command } from 'commander';

export function registerOpenApi(program: Command): void {
  program
    .command('openapi')
    .description('print the OpenAPI 3 document of the HTTP API (the one GET /openapi.json serves) as JSON')
    .action(async () => {
      // Loaded here, so that other commands do not pay for Nest and the whole HTTP module at start.
      const { describeApi } = await import('../http/openapi/describe-api.js');
      process.stdout.write(`${JSON.stringify(await describeApi(), null, 2)}\n`);
    });
}
