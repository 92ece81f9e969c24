import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { IngestFrameHandler } from '../src/application/metering/ingest-frame/ingest-frame.handler.js';
import { frameEventId, readingsStream } from '../src/application/metering/ingest-frame/readings-stream.js';
import type { DecoderLookup } from '../src/application/metering/ports/payload-decoders.port.js';
import type { EventStore } from '../src/application/ports/event-store.port.js';
import { copyText } from '../src/infrastructure/postgres/copy-text.js';
import type { BenchSchema } from './bench-postgres.js';
import { benchFramePayloads, VARIANTS } from './ingest-payloads.js';

/** One gateway's frame variants as the ingest path stores them: decoded event data and metadata, serialised. */
interface StoredVariant {
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly readings: number;
}

/**
 * The event rows the ingest stored, rebuilt by the very code that stores them (decoding included) before the clock
 * starts: the baseline times COPY of those rows, nothing else.
 */
export class IngestBaseline {
  private constructor(private readonly variants: StoredVariant[][]) {}

  static build(
    gateways: number,
    payloadsPerFrame: number,
    networkTypeOf: (id: string) => string | undefined,
    decoders: DecoderLookup,
    gatewayId: (g: number) => string,
  ): IngestBaseline {
    const handler = new IngestFrameHandler(undefined as unknown as EventStore, networkTypeOf, decoders);
    const receivedAt = new Date().toISOString();
    const variants = Array.from({ length: gateways }, (_, g) =>
      Array.from({ length: VARIANTS }, (_, v) => {
        const event = handler.toStored(
          gatewayId(g),
          { kind: 'readings', seq: v, payloads: benchFramePayloads(g, payloadsPerFrame, v) },
          receivedAt,
        );
        const readings = (event.data as { readings?: unknown[] }).readings?.length ?? 0;
        return {
          type: event.type,
          data: JSON.stringify(event.data),
          metadata: JSON.stringify(event.metadata),
          readings,
        };
      }),
    );
    return new IngestBaseline(variants);
  }

  /** Canonical readings in the first `frames[g]` frames of each gateway. */
  readingsIn(framesPerGateway: readonly number[]): number {
    return framesPerGateway.reduce((total, frames, g) => {
      let n = 0;
      for (let seq = 0; seq < frames; seq++) n += this.variants[g]![seq % VARIANTS]!.readings;
      return total + n;
    }, 0);
  }

  /** Seconds to COPY the same number of frames per gateway into an identically indexed table. */
  async copy(
    bench: BenchSchema,
    framesPerGateway: readonly number[],
    gatewayId: (g: number) => string,
  ): Promise<number> {
    await bench.db.query('CREATE TABLE events_copy (LIKE events INCLUDING ALL)');
    const client = new pg.Client({ connectionString: bench.url, options: `-c search_path=${bench.schema}` });
    await client.connect();
    const variants = this.variants;
    function* chunks(): Generator<string> {
      for (const [g, frames] of framesPerGateway.entries()) {
        const id = gatewayId(g);
        for (let first = 0; first < frames; first += 500) {
          const rows = [];
          for (let seq = first; seq < Math.min(first + 500, frames); seq++) {
            const v = variants[g]![seq % VARIANTS]!;
            rows.push([readingsStream(`copy-${id}`), seq, frameEventId(`copy-${id}`, seq), v.type, v.data, v.metadata]);
          }
          yield copyText(rows);
        }
      }
    }
    const started = process.hrtime.bigint();
    try {
      await pipeline(
        Readable.from(chunks()),
        client.query(copyStreams.from('COPY events_copy (stream, revision, id, type, data, metadata) FROM STDIN')),
      );
    } finally {
      await client.end();
    }
    return Number(process.hrtime.bigint() - started) / 1e9;
  }
}
