import { IngestLoadClient } from './ingest-load-client.js';
import { benchFrameMaker } from './ingest-payloads.js';

/*
 * The gateways of `bench ingest`, in their own process: on site they are other machines, and keeping them out of the
 * server's process means the server's event loop and RSS are the server's alone. Driven over the fork IPC channel.
 */

export type LoadRequest =
  | {
      readonly type: 'stream';
      readonly port: number;
      readonly gateways: readonly { id: string; keyHex: string }[];
      readonly payloadsPerFrame: number;
      readonly window: number;
    }
  | { readonly type: 'measure'; readonly on: boolean }
  | { readonly type: 'stop' }
  | { readonly type: 'idle'; readonly port: number; readonly gateways: readonly { id: string; keyHex: string }[] };

export type LoadReply =
  | { readonly type: 'streaming' }
  | { readonly type: 'measuring'; readonly on: boolean; readonly cpuMicros: number }
  | { readonly type: 'stopped'; readonly framesPerGateway: number[]; readonly latenciesMs: number[] }
  | { readonly type: 'idle'; readonly open: number; readonly error?: string };

const streaming: IngestLoadClient[] = [];
const idle: IngestLoadClient[] = [];

function reply(message: LoadReply): void {
  process.send?.(message);
}

async function handle(request: LoadRequest): Promise<void> {
  switch (request.type) {
    case 'stream': {
      for (const [g, { id, keyHex }] of request.gateways.entries()) {
        const make = benchFrameMaker(g, request.payloadsPerFrame);
        streaming.push(await IngestLoadClient.open(request.port, id, Buffer.from(keyHex, 'hex'), make, request.window));
      }
      for (const client of streaming) client.start();
      reply({ type: 'streaming' });
      return;
    }
    case 'measure':
      for (const client of streaming) client.measuring = request.on;
      {
        // This process's own CPU so far: the bench takes the difference over the measured window.
        const { user, system } = process.cpuUsage();
        reply({ type: 'measuring', on: request.on, cpuMicros: user + system });
      }
      return;
    case 'stop':
      for (const client of streaming) client.stop();
      reply({
        type: 'stopped',
        framesPerGateway: streaming.map((c) => c.acked),
        latenciesMs: streaming.flatMap((c) => c.latenciesMs),
      });
      return;
    case 'idle': {
      let error: string | undefined;
      for (const { id, keyHex } of request.gateways) {
        try {
          idle.push(await IngestLoadClient.open(request.port, id, Buffer.from(keyHex, 'hex'), () => '[]', 1));
        } catch (e) {
          error = `idle session ${idle.length} failed: ${String(e)}`;
          break;
        }
      }
      reply({ type: 'idle', open: idle.length, ...(error ? { error } : {}) });
      return;
    }
  }
}

process.on('message', (request: LoadRequest) => {
  handle(request).catch((error: unknown) => {
    process.stderr.write(`bench load: ${String(error)}\n`);
    process.exit(1);
  });
});
process.on('disconnect', () => {
  for (const client of [...streaming, ...idle]) client.close();
  process.exit(0);
});
