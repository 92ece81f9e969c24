import type { Command } from 'commander';
import { describeApi } from '../http/openapi/describe-api.js';

export function registerOpenApi(program: Command): void {
  program
    .command('openapi')
    .description('print the OpenAPI 3 document of the HTTP API (the one GET /openapi.json serves) as JSON')
    .action(async () => {
      process.stdout.write(`${JSON.stringify(await describeApi(), null, 2)}\n`);
    });
}
