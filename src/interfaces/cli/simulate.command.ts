import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../infrastructure/config/app-config.js';
import { createLogger } from '../../infrastructure/logging/logger.js';
import { loadLinkConfig } from '../gateway-link/link-config.js';
import { startSimulatedFleet } from '../simulator/simulated-fleet.js';
import { positiveInt, positiveNumber } from './cli-options.js';
import { resolveAdminApi } from './admin-api-client.js';

interface SimulateOptions {
  gateways: number;
  meters: number;
  interval: number;
  duration?: number;
  server?: string;
}

/** Simulated gateways with household meters, talking to a running server over the real TLS-PSK link. */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('register (or reuse) N gateways and run their agents here, each with M simulated household meters')
    .option('--gateways <n>', 'simulated gateways', positiveInt, 1)
    .option('--meters <n>', 'meters per gateway', positiveInt, 3)
    .option('--interval <seconds>', 'seconds between readings of each meter', positiveNumber, 5)
    .option('--duration <seconds>', 'stop after this long (default: until Ctrl-C)', positiveNumber)
    .option('--server <url>', 'admin API of the running server (default WATTLOG_URL or https://127.0.0.1:$PORT)')
    .action(async (options: SimulateOptions) => {
      const config = loadConfig(process.env);
      const api = resolveAdminApi(options.server, process.env);
      const linkPort = loadLinkConfig(process.env).port;
      const logger = createLogger(config.logLevel);
      const fleet = await startSimulatedFleet({
        api,
        link: { host: process.env.WATTLOG_LINK_HOST || api.url.hostname, port: linkPort },
        gateways: options.gateways,
        meters: options.meters,
        intervalMs: options.interval * 1000,
        stateDir: join(config.dataDir, 'simulator'),
        namePrefix: 'Simulated gateway',
        logger,
      });
      process.stdout.write(
        `${JSON.stringify({ simulating: fleet.gatewayIds, meters: options.meters, intervalSeconds: options.interval })}\n`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
        if (options.duration !== undefined) setTimeout(resolve, options.duration * 1000).unref();
      });
      await fleet.stop();
    });
}
