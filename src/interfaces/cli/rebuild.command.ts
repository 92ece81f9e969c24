import type { Command } from 'commander';
import { positiveInt } from './cli-options.js';
import { findProjections } from '../../application/projections/projection-catalog.js';
import { decoderLookup } from '../../infrastructure/protocols/payload-decoders.js';
import { rebuildProjection } from '../../application/projections/rebuild-projection.js';
import { printResult, withStorage } from './cli-context.js';
import { ProgressBar } from './progress-bar.js';
import { projectionPartitions } from '../../infrastructure/config/app-config.js';

export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .alias('replay')
    .description('rebuild read models from the event log into fresh tables, then swap them in')
    .requiredOption(
      '--projection <name>',
      'projection name (its table, e.g. audit_log; former names such as audit still work), or "all"',
    )
    .option('--batch-size <n>', 'events per transaction', positiveInt, 2000)
    .option('--json', 'machine-readable output')
    .action(async (options: { projection: string; batchSize: number; json?: boolean }) => {
      const projections = findProjections(options.projection, { decoders: decoderLookup() });
      const results = await withStorage(async (storage) => {
        const done = [];
        for (const projection of projections) {
          const bar = new ProgressBar(`rebuild ${projection.name}`);
          const started = performance.now();
          const result = await rebuildProjection(storage.eventStore, storage.readModels, projection, {
            batchSize: options.batchSize,
            partitions: projectionPartitions(process.env),
            onProgress: (p) => bar.update(p.applied, p.total),
          });
          bar.finish();
          const seconds = (performance.now() - started) / 1000;
          done.push({
            projection: projection.name,
            events: result.events,
            seconds,
            eventsPerSecond: Math.round(result.events / seconds),
          });
        }
        return done;
      });
      printResult(
        options.json === true,
        { rebuilt: results },
        results
          .map(
            (r) =>
              `rebuilt ${r.projection}: ${r.events} events in ${r.seconds.toFixed(1)} s (${r.eventsPerSecond} events/s)`,
          )
          .join('\n'),
      );
    });
}
