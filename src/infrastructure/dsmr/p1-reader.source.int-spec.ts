import { createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FrameSink, NodeEventReport } from '../../application/ports/frame-source.port.js';
import { withComputedCrc } from '#test/fixtures/telegram.fixtures.js';
import { createLogger } from '../logging/logger.js';
import { waitFor } from '#test/support/test-ids.js';
import { P1ReaderSource } from './p1-reader.source.js';
import { parseP1Settings } from './p1-settings.js';

class RecordingSink implements FrameSink {
  readonly payloads: unknown[] = [];
  push(payload: unknown): boolean {
    this.payloads.push(payload);
    return true;
  }
  nodeEvent(_report: NodeEventReport): void {}
  get telegrams(): unknown[] {
    return this.payloads.map((payload) => (payload as { telegram?: unknown }).telegram);
  }
}

/** A P1 dongle stand-in: one telegram per counter value, each with its own reading so order is visible. */
function telegramNo(n: number): string {
  return withComputedCrc('/ISK5\\2M550T-1012', [
    '1-3:0.2.8(50)',
    `0-0:1.0.0(240501${String(120000 + n).padStart(6, '0')}S)`,
    '0-0:96.1.1(4530303434303037313331363530363138)',
    `1-0:1.8.1(${String(n).padStart(6, '0')}.125*kWh)`,
    '1-0:1.7.0(00.433*kW)',
  ]);
}

const ODD_CHUNKS = [1, 7, 13, 64, 3, 250, 2];

/** Writes in odd sizes with a pause between writes, so the reader really sees the telegram in pieces. */
async function writeInPieces(socket: Socket, text: string): Promise<void> {
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = ODD_CHUNKS[i % ODD_CHUNKS.length] ?? 1;
    socket.write(Buffer.from(text.slice(at, at + size), 'latin1'));
    at += size;
    await sleep(1);
  }
}

interface Dongle {
  readonly server: Server;
  readonly sockets: Socket[];
  readonly closedSockets: Socket[];
  close(): Promise<void>;
}

async function listen(port: number, onConnection: (socket: Socket) => void): Promise<Dongle> {
  const sockets: Socket[] = [];
  const closedSockets: Socket[] = [];
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    // Flowing, so the reader's FIN is seen and 'close' fires.
    socket.resume();
    socket.once('close', () => closedSockets.push(socket));
    sockets.push(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    server,
    sockets,
    closedSockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function portOf(dongle: Dongle): number {
  const address = dongle.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

function aReader(port: number, extra: Record<string, unknown> = {}): P1ReaderSource {
  const settings = parseP1Settings({
    kind: 'dsmr-p1',
    port: `tcp://127.0.0.1:${port}`,
    reconnectMinMs: 50,
    reconnectMaxMs: 400,
    ...extra,
  });
  return new P1ReaderSource(settings, { logger: createLogger('silent') });
}

describe('P1ReaderSource over TCP (P1-to-Ethernet dongle)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('delivers every telegram once, in order, across a dongle that closes mid-telegram and comes back', async () => {
    const telegrams = [1, 2, 3, 4, 5, 6].map(telegramNo);
    let writing: Promise<void> = Promise.resolve();
    const first = await listen(0, (socket) => {
      // Three whole telegrams, then half of the fourth, then the dongle goes away.
      writing = writeInPieces(
        socket,
        `garbage\r\n${telegrams.slice(0, 3).join('')}${telegrams[3]?.slice(0, 120) ?? ''}`,
      );
    });
    const port = portOf(first);
    const reader = aReader(port);
    const sink = new RecordingSink();
    cleanups.push(() => reader.stop());
    await reader.start(sink);
    await waitFor(() => first.sockets.length === 1, 3000, 'the first connection');
    await writing;
    await waitFor(() => sink.telegrams.length === 3, 3000, 'three telegrams');
    await first.close();

    await sleep(150); // the reader meets a refused connection or two and backs off
    const second = await listen(port, (socket) => {
      writing = writeInPieces(socket, telegrams.slice(3).join(''));
    });
    cleanups.push(() => second.close());
    await waitFor(() => sink.telegrams.length === 6, 5000, 'six telegrams');
    await writing;
    await sleep(50);

    expect(sink.payloads).toEqual(telegrams.map((t) => ({ kind: 'dsmr', telegram: t.trimEnd() })));
    expect(reader.stats).toMatchObject({ connects: 2, telegrams: 6, badCrc: 0, restarted: 0 });
  });

  it('stops cleanly: the dongle sees the connection close and no new one follows', async () => {
    const dongle = await listen(0, () => undefined);
    cleanups.push(() => dongle.close());
    const reader = aReader(portOf(dongle));
    await reader.start(new RecordingSink());
    await waitFor(() => dongle.sockets.length === 1, 3000, 'the connection');
    await reader.stop();
    await waitFor(() => dongle.closedSockets.length === 1, 3000, 'the dongle to see the close');
    await sleep(300);
    expect(dongle.sockets).toHaveLength(1);
  });

  it('reconnects when the dongle stays silent past the idle timeout', async () => {
    const dongle = await listen(0, () => undefined);
    cleanups.push(() => dongle.close());
    const reader = aReader(portOf(dongle), { idleTimeoutMs: 1000 });
    cleanups.push(() => reader.stop());
    await reader.start(new RecordingSink());
    await waitFor(() => dongle.sockets.length === 2, 4000, 'a second connection');
    await waitFor(
      () => dongle.closedSockets.includes(dongle.sockets[0] as Socket),
      3000,
      'the silent connection to be closed',
    );
  });
});
