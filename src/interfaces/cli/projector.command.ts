import type { Command } from 'commander';
import { positiveInt } from './cli-options.js';
import { findRunnable } from '../../application/projections/projection-catalog.js';
import { partitionsOf } from '../../application/projections/projection.js';
import { projectionPartitions } from '../../infrastructure/config/app-config.js';
import { decoderLookup } from '../../infrastructure/protocols/payload-decoders.js';
import { ProjectionSupervisor, projectionIdleMs } from '../../application/projections/projection-supervisor.js';
import { catchUpOnce } from '../../application/projections/catch-up-once.js';
import { withStorage } from './cli-context.js';

/** Runs projections in their own process (scale-out, or catching up without the API). */
export function registerProjector(program: Command): void {
  program
    .command('projector')
    .description('run projections in this process until stopped (or once, until caught up)')
    .option(
      '--projection <name>',
      'projection or process name (alarm_evaluation; former names such as audit still work), or "all"',
      'all',
    )
    .option('--batch-size <n>', 'events per transaction', positiveInt, 1000)
    .option('--once', 'catch up once and exit')
    .action(async (options: { projection: string; batchSize: number; once?: boolean }) => {
      await withStorage(async (storage) => {
        const projections = findRunnable(options.projection, {
          decoders: decoderLookup(),
          store: storage.eventStore,
        }).flatMap((runnable) => partitionsOf(runnable, projectionPartitions(process.env)));
        if (options.once) {
          for (const projection of projections) {
            const reached = await catchUpOnce(storage.eventStore, storage.readModels, projection, options.batchSize);
            process.stdout.write(`${projection.name}: ${reached.eventsApplied} events applied\n`);
          }
          return;
        }
        const supervisor = new ProjectionSupervisor(storage.eventStore, storage.readModels, projections, {
          batchSize: options.batchSize,
          idleMs: projectionIdleMs(storage.eventStore),
          standbyMs: 1000,
          onError: (name, error) => process.stderr.write(`projection ${name}: ${String(error)}\n`),
        });
        supervisor.start();
        await new Promise<void>((resolve) => {
          process.once('SIGTERM', resolve);
          process.once('SIGINT', resolve);
        });
        await supervisor.stop();
      });
    });
}
