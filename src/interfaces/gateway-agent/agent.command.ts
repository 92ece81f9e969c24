import type { Command } from 'commander';
import type { LevelWithSilent } from 'pino';
import { LOG_LEVELS } from '../../infrastructure/config/app-config.js';
import { createLogger } from '../../infrastructure/logging/logger.js';
import { DurableOutbox } from '../../infrastructure/outbox/durable-outbox.js';
import { lockDataDir } from '../../infrastructure/pglite/data-dir-lock.js';
import { AgentConfigError, loadAgentConfig, readNetworkKey } from './agent-config.js';
import type { OutboxEntry } from './agent-session.js';
import { builtInSource, builtInSourceKinds } from './built-in-sources.js';
import { driverCommands } from './command-handler.js';
import { frameSourceFactory, frameSourceKinds, type FrameSource } from './frame-source.js';
import { GatewayAgent } from './gateway-agent.js';

export const AGENT_VERSION = '0.1.0';

function logLevel(value: string | undefined): LevelWithSilent {
  return value !== undefined && (LOG_LEVELS as readonly string[]).includes(value) ? (value as LevelWithSilent) : 'info';
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

async function runAgent(configPath: string): Promise<void> {
  const config = await loadAgentConfig(configPath);
  const logger = createLogger(logLevel(process.env.LOG_LEVEL));
  const { key, worldReadable } = await readNetworkKey(config.keyFile);
  if (worldReadable)
    logger.warn({ keyFile: config.keyFile }, 'the network key file is readable by group or others: chmod 600 it');
  let source: FrameSource | undefined;
  if (config.adapter) {
    const factory = frameSourceFactory(config.adapter.kind) ?? (await builtInSource(config.adapter.kind));
    if (!factory) {
      const known = [...new Set([...builtInSourceKinds(), ...frameSourceKinds()])].sort();
      throw new AgentConfigError(
        `adapter kind "${config.adapter.kind}" is not available; known: ${known.length > 0 ? known.join(', ') : 'none yet'}`,
      );
    }
    source = factory(config.adapter, config.networkType, { gatewayId: config.gatewayId, stateDir: config.stateDir });
  }
  // Two agents appending to one outbox would interleave records: one process per outbox directory.
  const unlock = lockDataDir(config.outbox.dir);
  const outbox = await DurableOutbox.open<OutboxEntry>(config.outbox.dir, { maxBytes: config.outbox.maxBytes, logger });
  const agent = new GatewayAgent(
    {
      servers: config.servers,
      gatewayId: config.gatewayId,
      key,
      agentVersion: AGENT_VERSION,
      batchIntervalMs: config.batchIntervalMs,
    },
    { outbox, logger, commands: driverCommands(source) },
  );
  logger.info(
    {
      gatewayId: config.gatewayId,
      servers: config.servers.map((s) => `${s.host}:${s.port}`),
      networkType: config.networkType,
      source: source?.name ?? null,
      pending: outbox.pendingCount,
    },
    'gateway agent starting',
  );
  agent.start();
  await source?.start(agent);
  const signal = await untilSignal();
  logger.info({ signal }, 'gateway agent stopping: flushing to the outbox');
  await source?.stop();
  await agent.stop();
  await outbox.close();
  unlock();
}

export function registerAgent(program: Command): void {
  program
    .command('agent')
    .description('run a gateway agent: device data → durable outbox → TLS-PSK link to the server')
    .requiredOption(
      '--config <path>',
      'gateway.json: { server: {host, port} or servers: [{host, port}, …], gatewayId, keyFile, networkType, outbox: {dir, maxBytes}, adapter }',
    )
    .action(async (options: { config: string }) => {
      await runAgent(options.config);
    });
}
