import type { Logger } from 'pino';
import { setLogger as setHerdsmanLogger } from 'zigbee-herdsman';
import { setLogger as setConvertersLogger } from 'zigbee-herdsman-converters';

type LazyMessage = string | (() => string);

/** The logger shape both zigbee-herdsman and zigbee-herdsman-converters accept. */
interface NamespacedLogger {
  debug(message: LazyMessage, namespace: string): void;
  info(message: LazyMessage, namespace: string): void;
  warning(message: LazyMessage, namespace: string): void;
  error(message: LazyMessage, namespace: string): void;
}

function toPino(logger: Logger): NamespacedLogger {
  // Herdsman builds some debug lines lazily; only pay for them when the level is on.
  const write = (level: 'debug' | 'info' | 'warn' | 'error', message: LazyMessage, namespace: string): void => {
    if (!logger.isLevelEnabled(level)) return;
    logger[level]({ ns: namespace }, typeof message === 'function' ? message() : message);
  };
  return {
    debug: (message, namespace) => write('debug', message, namespace),
    info: (message, namespace) => write('info', message, namespace),
    warning: (message, namespace) => write('warn', message, namespace),
    error: (message, namespace) => write('error', message, namespace),
  };
}

/**
 * Both libraries log to the console by default, debug lines included. Their logger is process-wide, so the last
 * caller wins; that is fine because the agent and the server each run one ZigBee component.
 */
export function routeZigbeeLibraryLogs(logger: Logger): void {
  const bridge = toPino(logger);
  setHerdsmanLogger(bridge);
  setConvertersLogger(bridge);
}

/** The agent's LOG_LEVEL for the ZigBee source's own logger; info when unset or unknown. */
export function zigbeeLogLevel(): 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent' {
  const level = process.env.LOG_LEVEL;
  return level === 'trace' ||
    level === 'debug' ||
    level === 'warn' ||
    level === 'error' ||
    level === 'fatal' ||
    level === 'silent'
    ? level
    : 'info';
}
