import { join } from 'node:path';
import type { Logger } from 'pino';
import type { FrameSourceFactory } from '../../application/ports/frame-source.port.js';
import { LOG_LEVELS, type LogLevel } from '../config/app-config.js';
import { RememberedSetting } from '../agent-state/remembered-setting.js';
import { createLogger } from '../logging/logger.js';
import { P1ReaderSource, type P1ReaderDeps } from './p1-reader.source.js';
import { DsmrP1SettingsError, parseP1Settings } from './p1-settings.js';

function defaultLogger(): Logger {
  const level = process.env.LOG_LEVEL;
  return createLogger(
    level !== undefined && (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : 'info',
  );
}

/**
 * A factory with the agent's logger. gateway.json's `adapter`: `{ kind: 'dsmr-p1', port: '/dev/ttyUSB0' |
 * 'tcp://host:port', baudRate?, legacySerial?, reconnectMinMs?, reconnectMaxMs?, idleTimeoutMs?, intervalSeconds? }`. Telegrams go out
 * as kind `dsmr`, so the gateway's network type must be `dsmr`.
 */
export function dsmrP1SourceFactory(deps: Partial<P1ReaderDeps> = {}): FrameSourceFactory {
  return (settings, networkType, context) => {
    if (networkType !== 'dsmr') {
      throw new DsmrP1SettingsError(
        `dsmr-p1 adapter: the gateway's networkType must be "dsmr" (got ${JSON.stringify(networkType)})`,
      );
    }
    const logger = deps.logger ?? defaultLogger();
    const remembered = new RememberedSetting(
      context?.stateDir ? join(context.stateDir, 'p1-reporting-interval.json') : undefined,
      'P1 reporting interval',
      logger,
    );
    return new P1ReaderSource(parseP1Settings(settings), { remembered, ...deps, logger });
  };
}

/** For `registerFrameSource('dsmr-p1', createDsmrP1Source)`; logs with a default logger honouring LOG_LEVEL. */
export const createDsmrP1Source: FrameSourceFactory = dsmrP1SourceFactory();
