import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { findProjections, runnableProjections } from '../../application/projections/projection-catalog.js';
import { ReplayJobs } from '../../application/projections/replay-jobs.js';
import { ProjectionSupervisor, projectionIdleMs } from '../../application/projections/projection-supervisor.js';
import { openStorage, type Storage, type StorageConfig } from '../../infrastructure/composition/storage.js';
import { decoderLookup } from '../../infrastructure/protocols/payload-decoders.js';
import { loadMasterKey } from '../../infrastructure/crypto/master-key.js';
import { PostgresKeyVault } from '../../infrastructure/crypto/postgres-key-vault.adapter.js';
import { PinoNestLogger } from '../../infrastructure/logging/logger.js';
import type { LinkConfig } from '../gateway-link/link-config.js';
import { GatewayCommands } from '../gateway-link/gateway-commands.js';
import { startGatewayLink, type RunningGatewayLink } from '../gateway-link/start-gateway-link.js';
import { loadJwtSecret } from '../../infrastructure/auth/jwt-secret.js';
import { SqlActuatorDirectory } from '../../application/control/actuator-directory.sql.js';
import { OadrNotificationSender } from '../../application/market/notify-oadr-subscribers/oadr-notification-sender.js';
import { OadrWebhookCallbacks } from '../../infrastructure/webhooks/oadr-callbacks.adapter.js';
import { nextRetry } from '../../application/shared/retry-schedule.js';
import { WebhookClient, type WebhookClientOptions } from '../../infrastructure/webhooks/webhook-client.js';
import { ActuatorCommandDispatcher } from '../../application/control/dispatch-actuator-commands/actuator-command-dispatcher.js';
import { SqlNodeDirectory } from '../../application/devices/node-configuration/node-directory.sql.js';
import { NodeConfigurationSender } from '../../application/devices/node-configuration/send-node-configuration/node-configuration-sender.js';
import { NetworkConfigurationSender } from '../../application/gateways/network-configuration/send-network-configuration/network-configuration-sender.js';
import { GatewayCommandLink } from '../gateway-link/gateway-command-link.js';
import {
  DEFAULT_DAY_MEMORY_CHARS,
  RenderedDayMemory,
} from '../../application/metering/query-readings/reading-series/rendered-day-memory.js';
import { AppModule } from './app.module.js';
import { startAccessRuntime, type AccessRuntime } from './access/access-runtime.js';
import { configureHttpPipeline } from './http-pipeline.js';
import { serverBoundaryOptions, type RequestTimeouts } from './input-boundary/connection-errors.js';
import { RateLimiter, type RateLimitSettings, type RateLimitStores } from './rate-limit/rate-limit.js';
import { PostgresBucketStore, PostgresLoginAttempts } from '../../infrastructure/postgres/shared-limits.js';
import { DEFAULT_LOGIN_THROTTLE } from '../../application/access/login/login-throttle.js';
import type { SqlDatabase } from '../../infrastructure/postgres/sql-database.js';
import { createMetricsRegistry } from './metrics/metrics.js';
import { partitionsOf } from '../../application/projections/projection.js';
import { serveWebUi } from '../web/serve-web-ui.js';
import { createNotificationsRuntime, type NotificationsConfig } from './notifications/notifications-runtime.js';

export interface HttpServerConfig {
  readonly storage: StorageConfig;
  readonly host: string;
  readonly port: number;
  /** null serves plain HTTP (only when explicitly configured, e.g. behind a TLS proxy). */
  readonly tls: { readonly key: string; readonly cert: string } | null;
  readonly adminToken: string;
  /** WATTLOG_JWT_SECRET (at least 32 bytes); absent: `<dataDir>/jwt.key`, generated on first start. */
  readonly jwtSecret?: string;
  /** WATTLOG_MASTER_KEY (64 hex); absent: `<dataDir>/master.key`, generated on first start. */
  readonly masterKey?: string;
  readonly bodyLimitBytes?: number;
  /** Whole days of series JSON kept in this process (WATTLOG_SERIES_MEMORY_MIB); 64 MiB by default, 0 keeps none. */
  readonly seriesMemoryBytes?: number;
  /** Token buckets per principal and per client address (WATTLOG_RATE_LIMIT_*); omitted: none. */
  readonly rateLimit?: RateLimitSettings | null;
  /** Where the gateway link listens; omitted: no link (API-only nodes and HTTP tests). */
  readonly link?: LinkConfig;
  /** How long a client may take to send its headers and its request; 10 s and 30 s by default. */
  readonly requestTimeouts?: RequestTimeouts;
  /** Partitions of each partitionable projection (WATTLOG_PROJECTION_PARTITIONS); 1 by default. */
  readonly projectionPartitions?: number;
  /** How often the actuator command dispatcher looks at waiting commands; 500 ms by default. */
  readonly commandPollMs?: number;
  /** Outbound callbacks (OpenADR subscriptions): `WATTLOG_WEBHOOK_ALLOW_HOSTS`; omitted: no host is exempt. */
  readonly webhooks?: WebhookClientOptions;
  /** SMTP, public URL and webhook allow-list for notifications; omitted: no e-mail, no allow-listed hosts. */
  readonly notifications?: NotificationsConfig;
}

export interface RunningServer {
  readonly url: string;
  readonly storage: Storage;
  readonly projections: ProjectionSupervisor;
  readonly link: RunningGatewayLink | null;
  readonly access: AccessRuntime;
  /** Posts queued OpenADR notifications to subscribers' callbacks. */
  readonly notifications: OadrNotificationSender;
  /** Stops accepting requests, stops projections, closes the databases. */
  close(): Promise<void>;
}

/**
 * On Postgres, several nodes may serve one installation: their rate limits live in the database they share
 * (docs/adr/0025-shared-rate-limits.md). Embedded (PGlite) is one node by construction and keeps them in memory.
 */
function sharedRateLimitStores(db: SqlDatabase, settings: RateLimitSettings): RateLimitStores | undefined {
  if (db.kind !== 'postgres') return undefined;
  return {
    principals: new PostgresBucketStore(db, 'principal', settings.principal),
    addresses: new PostgresBucketStore(db, 'address', settings.anonymous),
  };
}

/** The failed-login throttle's counters, shared by the nodes on Postgres like the rate limits. */
function sharedLoginAttempts(db: SqlDatabase): PostgresLoginAttempts | undefined {
  return db.kind === 'postgres' ? new PostgresLoginAttempts(db, DEFAULT_LOGIN_THROTTLE) : undefined;
}

export async function startHttpServer(config: HttpServerConfig, logger: Logger): Promise<RunningServer> {
  const masterKey = loadMasterKey(config.masterKey, config.storage.dataDir);
  logger.info({ masterKeySource: masterKey.source, masterKeyId: masterKey.id }, 'key vault master key loaded');
  const storage = await openStorage(config.storage);
  for (const m of storage.migrations)
    logger.info({ migrationSet: m.set, version: m.version, migration: m.name }, 'migration applied');
  const keyVault = new PostgresKeyVault(storage.readModels, masterKey);
  const callbacks = new OadrWebhookCallbacks(new WebhookClient(config.webhooks));
  const sender = new OadrNotificationSender(storage.readModels, keyVault, callbacks, {
    now: () => new Date(),
    retryAfter: (failures) => nextRetry(failures, Math.random),
    onFailed: (failure) => logger.warn(failure, 'OpenADR notification not delivered; given up'),
    onError: (error, context) => logger.error({ err: error }, context),
  });
  const projections = new ProjectionSupervisor(
    storage.eventStore,
    storage.readModels,
    runnableProjections({
      decoders: decoderLookup(),
      store: storage.eventStore,
      oadrNotificationsQueued: () => sender.poke(),
    }).flatMap((runnable) => partitionsOf(runnable, config.projectionPartitions ?? 1)),
    {
      batchSize: 1000,
      idleMs: projectionIdleMs(storage.eventStore),
      standbyMs: 2000,
      onError: (projection, error) => logger.error({ projection, err: error }, 'projection batch failed; retrying'),
    },
  );
  const replays = new ReplayJobs(
    storage.eventStore,
    storage.readModels,
    (name) => findProjections(name, { decoders: decoderLookup() }),
    { batchSize: 2000, partitions: config.projectionPartitions ?? 1, now: () => Date.now() },
  );
  const jwtSecret = loadJwtSecret(config.jwtSecret, config.storage.dataDir);
  logger.info({ jwtSecretSource: jwtSecret.source }, 'access token signing key loaded');
  let access: AccessRuntime | undefined;
  let app: NestFastifyApplication | undefined;
  let link: RunningGatewayLink | null = null;
  const gatewayCommands = new GatewayCommands();
  const commandLink = new GatewayCommandLink(gatewayCommands);
  const loopOptions = {
    now: () => new Date(),
    ...(config.commandPollMs !== undefined ? { pollMs: config.commandPollMs } : {}),
    onError: (error: unknown, context: string) => logger.error({ err: error }, context),
  };
  const dispatcher = new ActuatorCommandDispatcher(
    storage.eventStore,
    new SqlActuatorDirectory(storage.readModels),
    commandLink,
    loopOptions,
  );
  const configurationSender = new NodeConfigurationSender(
    storage.eventStore,
    new SqlNodeDirectory(storage.readModels),
    commandLink,
    loopOptions,
  );
  const networkSender = new NetworkConfigurationSender(storage.eventStore, commandLink, loopOptions);
  const notifications = createNotificationsRuntime(
    config.notifications ?? { smtp: null, webhookAllowHosts: new Set() },
    storage,
    keyVault,
    logger,
    loopOptions.now,
  );
  try {
    access = await startAccessRuntime(
      storage.eventStore,
      storage.readModels,
      { adminToken: config.adminToken, jwtKey: jwtSecret.key },
      (error, context) => logger.error({ err: error }, context),
      (notice) =>
        notice.kind === 'login_succeeded'
          ? logger.info(notice, 'authentication')
          : logger.warn(notice, 'authentication'),
      sharedLoginAttempts(storage.readModels),
    );
    // Queries name up to 500 sensors in the URL; Node's default 16 KiB header limit stops at about 280.
    const boundary = serverBoundaryOptions(config.tls !== null, 64 * 1024, config.requestTimeouts);
    const adapter = new FastifyAdapter({
      bodyLimit: config.bodyLimitBytes ?? 1024 * 1024,
      ...boundary.fastify,
      http: boundary.node,
      ...(config.tls ? { https: { key: config.tls.key, cert: config.tls.cert, ...boundary.node } } : {}),
    });
    const rateLimiter = config.rateLimit
      ? new RateLimiter(config.rateLimit, sharedRateLimitStores(storage.readModels, config.rateLimit))
      : undefined;
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.with({
        storage,
        projections,
        replays,
        metrics: createMetricsRegistry(projections),
        adminToken: config.adminToken,
        keyVault,
        access,
        actuatorDispatch: dispatcher,
        networkLink: commandLink,
        networkConfigurationSending: networkSender,
        callbackVerifier: callbacks,
        seriesDays: new RenderedDayMemory(config.seriesMemoryBytes ?? DEFAULT_DAY_MEMORY_CHARS),
        notifications: { mailer: notifications.mailer, urlPolicy: notifications.urlPolicy },
        ...(rateLimiter ? { admission: rateLimiter } : {}),
      }),
      adapter,
      { logger: new PinoNestLogger(logger) },
    );
    configureHttpPipeline(app, { https: config.tls !== null, ...(rateLimiter ? { rateLimiter } : {}) });
    await serveWebUi(app, config.tls !== null);
    await app.listen(config.port, config.host);
    projections.start();
    if (config.link) link = await startGatewayLink(storage.eventStore, keyVault, config.link, logger, gatewayCommands);
    await dispatcher.start();
    await configurationSender.start();
    await networkSender.start();
    sender.start();
    notifications.worker.start();
  } catch (error) {
    await sender.stop().catch(() => undefined);
    await notifications.close().catch(() => undefined);
    await networkSender.stop().catch(() => undefined);
    await configurationSender.stop().catch(() => undefined);
    await dispatcher.stop().catch(() => undefined);
    await link?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await access?.stop().catch(() => undefined);
    await projections.stop();
    await storage.close();
    throw error;
  }
  const listening = app;
  const accessRuntime = access;
  const address = listening.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `${config.tls ? 'https' : 'http'}://${host}:${port}`,
    storage,
    projections,
    link,
    access: accessRuntime,
    notifications: sender,
    close: async () => {
      await sender.stop();
      // Gateways first: their frames must not arrive while the stores close.
      await notifications.close();
      await networkSender.stop();
      await configurationSender.stop();
      await dispatcher.stop();
      await link?.close();
      await listening.close();
      await accessRuntime.stop();
      // A replay writes to the read-model database to the end: let it finish before the database closes.
      await replays.idle();
      await projections.stop();
      await storage.close();
    },
  };
}
