import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DurableOutbox } from './durable-outbox.js';

/** The compiled outbox; `npm test` builds before jest runs, so a child process can load it as plain JavaScript. */
const COMPILED = resolve('dist/src/infrastructure/outbox/durable-outbox.js');

/** Appends batches of 10 numbered entries forever, printing the last number once each batch is durable. */
const WRITER = `
const { DurableOutbox } = await import(process.argv[1]);
const outbox = await DurableOutbox.open(process.argv[2], { maxBytes: 64 * 1024 * 1024, segmentBytes: 256 * 1024 });
let n = Number(process.argv[3]);
for (;;) {
  const batch = Array.from({ length: 10 }, (_, i) => ({ n: n + i, pad: 'x'.repeat(200) }));
  await outbox.append(batch);
  n += 10;
  process.stdout.write(String(n - 1) + '\\n');
}
`;

function runUntilKilled(dir: string, from: number, killAfterMs: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', WRITER, pathToFileURL(COMPILED).href, dir, String(from)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let confirmed = from - 1;
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      for (const line of text.split('\n')) if (line) confirmed = Math.max(confirmed, Number(line));
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${stderr}`));
      else resolvePromise(confirmed);
    });
  });
}

describe('outbox under kill -9', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run "npm run build" first (npm test does)`);
  });
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'wattlog-outbox-kill-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps every confirmed entry, gap-free and without duplicates, across 8 kills at random moments', async () => {
    let next = 0;
    let confirmedTotal = -1;
    for (let cycle = 0; cycle < 8; cycle++) {
      const confirmed = await runUntilKilled(dir, next, 150 + Math.floor(Math.random() * 250));
      confirmedTotal = Math.max(confirmedTotal, confirmed);

      const outbox = await DurableOutbox.open<{ n: number }>(dir, {
        maxBytes: 64 * 1024 * 1024,
        segmentBytes: 256 * 1024,
      });
      const ns = (await outbox.readPending(0, 1_000_000, 1024 * 1024 * 1024)).map((p) => p.entry.n);
      await outbox.close();

      // Durable-but-unconfirmed batches (killed between fsync and print) may be there too; nothing else.
      expect(ns.length).toBeGreaterThan(confirmedTotal);
      expect(ns).toEqual([...ns.keys()]);
      next = ns.length;
    }
    expect(confirmedTotal).toBeGreaterThan(100);
  }, 30_000);
});
