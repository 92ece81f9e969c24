#!/usr/bin/env node
import 'reflect-metadata';
import { loadAdminToken } from './infrastructure/auth/admin-token.js';
import { ConfigError, loadConfig } from './infrastructure/config/app-config.js';
import { webhookClientOptionsFromEnv } from './infrastructure/webhooks/webhook-client.js';
import { createLogger } from './infrastructure/logging/logger.js';
import { ensureHttpsCredentials } from './infrastructure/tls/self-signed-certificate.js';
import { loadLinkConfig } from './interfaces/gateway-link/link-config.js';
import { startHttpServer } from './interfaces/http/http-server.js';
import { ensureDemoAdmin } from './interfaces/simulator/demo-admin.js';
import { startSimulatedFleet, type RunningFleet } from './interfaces/simulator/simulated-fleet.js';
import { notificationsConfigFromEnv } from './interfaces/http/notifications/notifications-runtime.js';
import { join } from 'node:path';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const link = loadLinkConfig(process.env);
  const logger = createLogger(config.logLevel);
  const tls = config.http === 'https' ? await ensureHttpsCredentials(config, logger) : null;
  const adminToken = loadAdminToken(config.adminToken, config.dataDir);
  const server = await startHttpServer(
    {
      storage: config,
      host: config.host,
      port: config.port,
      tls: tls ? { key: tls.key, cert: tls.cert } : null,
      adminToken: adminToken.value,
      link,
      rateLimit: config.rateLimit,
      seriesMemoryBytes: config.seriesMemoryMiB * 1024 * 1024,
      projectionPartitions: config.projectionPartitions,
      webhooks: webhookClientOptionsFromEnv(process.env),
      notifications: notificationsConfigFromEnv(process.env),
      ...(config.masterKey ? { masterKey: config.masterKey } : {}),
      ...(config.jwtSecret ? { jwtSecret: config.jwtSecret } : {}),
    },
    logger,
  );
  logger.info(
    {
      url: server.url,
      link: server.link ? `${server.link.host}:${server.link.port}` : null,
      store: config.store,
      dataDir: config.dataDir,
      adminToken: adminToken.source,
      ...(tls ? { tlsFingerprint256: tls.fingerprint256 } : {}),
    },
    'wattlog started',
  );

  // The demo gateway talks to this very server through the public API and the real TLS-PSK link.
  let demo: RunningFleet[] = [];
  if (config.demo) {
    try {
      const api = { url: new URL(server.url), token: adminToken.value, ...(tls ? { ca: tls.cert } : {}) };
      const created = await ensureDemoAdmin(server.storage.eventStore, api);
      // Printed once, on the terminal only: the password never goes through the structured log.
      if (created)
        process.stderr.write(
          `wattlog: demo admin user created: email ${created.email} password ${created.password} (shown only this once)\n`,
        );
    } catch (error) {
      logger.error({ err: error }, 'demo admin user could not be created');
    }
  }
  if (config.demo && server.link) {
    const common = {
      api: { url: new URL(server.url), token: adminToken.value, ...(tls ? { ca: tls.cert } : {}) },
      link: { host: '127.0.0.1', port: server.link.port },
      gateways: 1,
      meters: 3,
      intervalMs: 5000,
      stateDir: join(config.dataDir, 'demo'),
      logger,
    };
    for (const kind of ['meters', 'zigbee'] as const) {
      try {
        const fleet = await startSimulatedFleet({
          ...common,
          kind,
          namePrefix: kind === 'zigbee' ? 'Demo ZigBee gateway' : 'Demo gateway',
        });
        demo = [...demo, fleet];
        logger.info(
          { gateways: fleet.gatewayIds, kind, intervalSeconds: 5 },
          'demo gateway running (WATTLOG_DEMO=off disables it)',
        );
      } catch (error) {
        logger.error({ err: error, kind }, 'demo gateway could not start; the server runs without it');
      }
    }
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests, stopping projections, closing storage');
    Promise.all(demo.map((fleet) => fleet.stop()))
      .then(() => server.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Configuration and start-up errors are one clear line, not a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `wattlog: ${error instanceof ConfigError ? 'configuration error: ' : 'cannot start: '}${message}\n`,
  );
  process.exit(error instanceof ConfigError ? 2 : 1);
});
