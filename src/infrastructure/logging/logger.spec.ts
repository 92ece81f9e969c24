import type { DestinationStream } from 'pino';
import { PinoNestLogger, createLogger } from './logger.js';

/** Collects the JSON lines pino writes. */
function memory(): DestinationStream & { lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  return {
    write: (chunk: string) => void chunks.push(chunk),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes one JSON object per line at the configured level', () => {
    const out = memory();
    const logger = createLogger('info', out);
    logger.debug('hidden');
    logger.info({ meter: 'm-1' }, 'reading stored');
    const lines = out.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, name: 'wattlog', meter: 'm-1', msg: 'reading stored' });
  });

  it('redacts secrets at the top level and one level down, and authorization headers', () => {
    const out = memory();
    createLogger('info', out).info(
      {
        password: 'p0',
        token: 't0',
        db: { password: 'p1', user: 'postgres' },
        tls: { key: 'k1' },
        admin: { secret: 's1', token: 't1' },
        req: { headers: { authorization: 'Bearer abc', host: 'h' } },
        headers: { authorization: 'Basic xyz' },
      },
      'connected',
    );
    const [line] = out.lines();
    const text = JSON.stringify(line);
    for (const secret of ['p0', 't0', 'p1', 'k1', 's1', 't1', 'Bearer abc', 'Basic xyz'])
      expect(text).not.toContain(`"${secret}"`);
    expect(line).toMatchObject({
      password: '[redacted]',
      db: { password: '[redacted]', user: 'postgres' },
      req: { headers: { authorization: '[redacted]', host: 'h' } },
    });
  });
});

describe('PinoNestLogger', () => {
  function nest(): { logger: PinoNestLogger; lines: () => Record<string, unknown>[] } {
    const out = memory();
    return { logger: new PinoNestLogger(createLogger('trace', out)), lines: out.lines };
  }

  it('maps Nest levels and keeps the context', () => {
    const { logger, lines } = nest();
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('slow', 'Router');
    logger.debug('d');
    logger.verbose('v');
    logger.fatal('f');
    expect(lines().map((l) => [l.level, l.msg, l.context])).toEqual([
      [30, 'Nest application successfully started', 'NestApplication'],
      [40, 'slow', 'Router'],
      [20, 'd', undefined],
      [10, 'v', undefined],
      [60, 'f', undefined],
    ]);
  });

  it('separates stack and context on error()', () => {
    const { logger, lines } = nest();
    const stack = 'Error: boom\n    at handler (/app/x.js:1:2)';
    logger.error('boom', stack, 'ExceptionsHandler');
    logger.error('boom', stack);
    logger.error('no stack', 'Bootstrap');
    expect(lines().map((l) => [l.level, l.msg, l.stack, l.context])).toEqual([
      [50, 'boom', stack, 'ExceptionsHandler'],
      [50, 'boom', stack, undefined],
      [50, 'no stack', undefined, 'Bootstrap'],
    ]);
  });

  it('logs Error objects with their stack and nests object messages so redaction applies', () => {
    const { logger, lines } = nest();
    logger.error(new Error('kaput'), 'Ctx');
    logger.log({ password: 'p', ok: true }, { token: 't' }, 'Ctx');
    const [errorLine, objectLine] = lines();
    expect(errorLine).toMatchObject({ msg: 'kaput', context: 'Ctx', err: { type: 'Error', message: 'kaput' } });
    expect(objectLine).toMatchObject({
      data: { password: '[redacted]', ok: true },
      params: { token: '[redacted]' },
      context: 'Ctx',
    });
  });

  it('applies Nest log level selections to pino', () => {
    const { logger, lines } = nest();
    logger.setLogLevels(['error', 'warn']);
    logger.log('dropped');
    logger.warn('kept');
    expect(lines().map((l) => l.msg)).toEqual(['kept']);
  });
});
