#!/usr/bin/env node
import 'reflect-metadata';
import { loadAdminToken } from './infrastructure/auth/admin-token.js';
import { ConfigError, loadConfig } from './infrastructure/config/app-config.js';
import { createLogger } from './infrastructure/logging/logger.js';
import { ensureHttpsCredentials } from './infrastructure/tls/self-signed-certificate.js';
import { startHttpServer } from './interfaces/http/http-server.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
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
      ...(config.masterKey ? { masterKey: config.masterKey } : {}),
    },
    logger,
  );
  logger.info(
    {
      url: server.url,
      store: config.store,
      dataDir: config.dataDir,
      adminToken: adminToken.source,
      ...(tls ? { tlsFingerprint256: tls.fingerprint256 } : {}),
    },
    'wattlog started',
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests, stopping projections, closing storage');
    server.close().then(
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
  process.stderr.write(`wattlog: ${error instanceof ConfigError ? 'configuration error: ' : 'cannot start: '}${message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
