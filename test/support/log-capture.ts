import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../src/infrastructure/logging/logger.js';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** A pino logger writing into memory; keeps at most `cap` lines but counts every (msg, reason) pair. */
export function captureLogs(cap = 2000): {
  logger: Logger;
  lines: LogLine[];
  counts: Map<string, number>;
  text(): string;
} {
  const lines: LogLine[] = [];
  const counts = new Map<string, number>();
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const raw of chunk.toString('utf8').split('\n')) {
        if (!raw) continue;
        const line = JSON.parse(raw) as LogLine;
        const key = `${line.msg}|${String(line.reason ?? '')}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (lines.length < cap) {
          lines.push(line);
          text += `${raw}\n`;
        }
      }
      done();
    },
  });
  return { logger: createLogger('info', destination), lines, counts, text: () => text };
}
