import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type LevelWithSilent, type Logger } from 'pino';

/**
 * Secrets are censored even when a caller logs them by mistake. Paths cover the log object's own keys and one level
 * below (pino's redaction wildcards do not recurse).
 */
export const REDACTED_PATHS: readonly string[] = [
  'password',
  'key',
  'secret',
  'token',
  'networkKey',
  '*.password',
  '*.key',
  '*.secret',
  '*.token',
  '*.networkKey',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'request.headers.authorization',
  '*.headers.authorization',
];

/** Root logger: JSON lines to stdout unless a destination is given (tests pass an in-memory stream). */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  const options = { name: 'wattlog', level, redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

const NEST_TO_PINO: Record<NestLogLevel, Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};
const PINO_ORDER: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
/** What Nest's ConsoleLogger recognises as a stack trace passed as the second argument of error(). */
const STACK = /^(.)+\n\s+at .+:\d+:\d+/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Routes Nest's own log calls (bootstrap, router, exceptions) through pino so every line is JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the levels it wants printed; pino's threshold becomes the most verbose of them. */
  setLogLevels(levels: NestLogLevel[]): void {
    const wanted = levels.map((l) => NEST_TO_PINO[l]);
    this.logger.level = PINO_ORDER.find((l) => wanted.includes(l)) ?? 'silent';
  }

  /**
   * Mirrors Nest's ConsoleLogger argument convention: a trailing string is the context; error() and fatal() may also
   * carry a stack as (message, stack) or (message, stack, context).
   */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const takesStack = level === 'error' || level === 'fatal';
    const isStack = (value: unknown): value is string => typeof value === 'string' && STACK.test(value);
    let context: string | undefined;
    let stack: string | undefined;
    if (takesStack && rest.length === 1 && (rest[0] === undefined || isStack(rest[0]))) {
      stack = rest.pop() as string | undefined;
    } else {
      if (takesStack && isStack(rest[rest.length - 1])) stack = rest.pop() as string;
      else if (typeof rest[rest.length - 1] === 'string') context = rest.pop() as string;
      const last = rest[rest.length - 1];
      if (takesStack && stack === undefined && rest.length > 0 && (last === undefined || typeof last === 'string')) {
        stack = rest.pop() as string | undefined;
      }
    }
    const fields: Record<string, unknown> = {};
    if (context !== undefined) fields.context = context;
    if (stack !== undefined) fields.stack = stack;
    // Plain objects are merged (as Nest's structured params are) so the one-level redaction paths reach their keys.
    const objects = rest.filter(isPlainObject);
    const others = rest.filter((value) => !isPlainObject(value));
    if (objects.length > 0) fields.params = Object.assign({}, ...objects) as Record<string, unknown>;
    if (others.length > 0) fields.extra = others;
    if (message instanceof Error) {
      fields.err = message;
      this.logger[level](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      fields.data = message;
      this.logger[level](fields);
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
