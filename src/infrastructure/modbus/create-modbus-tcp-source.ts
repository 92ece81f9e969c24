import { join } from 'node:path';
import type { Logger } from 'pino';
import type { FrameSourceContext, FrameSourceFactory } from '../../application/ports/frame-source.port.js';
import { LOG_LEVELS } from '../config/app-config.js';
import { RememberedSetting } from '../agent-state/remembered-setting.js';
import { createLogger } from '../logging/logger.js';
import { ModbusPollerSource, type ModbusPollerDeps } from './modbus-poller.source.js';
import { ModbusSettingsError, parseModbusTcpSettings } from './modbus-tcp.settings.js';

function defaultLogger(): Logger {
  const level = process.env.LOG_LEVEL;
  return createLogger(
    level !== undefined && (LOG_LEVELS as readonly string[]).includes(level)
      ? (level as (typeof LOG_LEVELS)[number])
      : 'info',
  );
}

/**
 * Builds the poller from gateway.json's `adapter` (`{ kind: 'modbus-tcp', host, port?, unitId?, map, intervalMs?,
 * timeoutMs?, device? }`); throws a one-line ModbusSettingsError for bad settings. Modbus payloads carry kind
 * `modbus`, so the gateway's network type must be `modbus`.
 */
export const createModbusTcpSource = ((
  settings: Readonly<Record<string, unknown>>,
  networkType: string,
  context?: FrameSourceContext,
  deps: Partial<ModbusPollerDeps> = {},
): ModbusPollerSource => {
  if (networkType !== 'modbus') {
    throw new ModbusSettingsError(
      `modbus-tcp adapter: the gateway's networkType must be "modbus" (got ${JSON.stringify(networkType)})`,
    );
  }
  const logger = deps.logger ?? defaultLogger();
  const remembered = new RememberedSetting(
    context?.stateDir ? join(context.stateDir, 'modbus-poll-interval.json') : undefined,
    'modbus poll interval',
    logger,
  );
  return new ModbusPollerSource(parseModbusTcpSettings(settings), { remembered, ...deps, logger });
}) satisfies FrameSourceFactory;
