import type { Command } from 'commander';
import { printResult, withStorage } from './cli-context.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending event-store and read-model migrations')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const applied = await withStorage(async (storage) => storage.migrations);
      printResult(
        options.json === true,
        { applied },
        applied.length === 0
          ? 'nothing to migrate'
          : applied.map((m) => `applied ${m.set} ${m.version} ${m.name}`).join('\n'),
      );
    });
}
