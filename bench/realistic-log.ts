import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { pino } from 'pino';
import { IngestFrameHandler } from '../src/application/metering/ingest-frame/ingest-frame.handler.js';
import { frameEventId, readingsStream } from '../src/application/metering/ingest-frame/readings-stream.js';
import type { EventStore } from '../src/application/ports/event-store.port.js';
import type { SqlValue } from '../src/application/ports/read-model-db.port.js';
import { decoderLookup, installedDecoders } from '../src/infrastructure/protocols/payload-decoders.js';
import { copyText } from '../src/infrastructure/postgres/copy-text.js';
import type { BenchSchema } from './bench-postgres.js';
import { benchPayloads, benchTelegrams } from './ingest-payloads.js';

const GATEWAYS = 100;
/** Device messages in one zigbee2mqtt burst: a bridge forwarding what its devices reported since the last frame. */
const BURST = 20;
/** One event in twenty carries readings older than its sensors' latest: a gateway catching up after an outage. */
const LATE_EVERY = 20;
const LATE_BY_FRAMES = 8;
const QUARTER_SECONDS = 900;

export const REALISTIC_LOG =
  'ReadingsReported events as the ingest stores them (decoded, schema 2): half the gateways DSMR P1 meters reporting every 15 minutes (one telegram, ~20 readings), half zigbee2mqtt bridges sending bursts of 20 device messages; 5 % of the events late (readings 8 frames older than their sensors’ latest)';

/** The ingest's own handler turns each gateway frame into the event it stores (decoding included). */
function eventMaker(): (index: number) => {
  stream: string;
  revision: number;
  id: string;
  type: string;
  data: string;
  metadata: string;
} {
  const decoders = decoderLookup(installedDecoders(pino({ level: 'silent' })));
  const networkTypeOf = (id: string): string => (Number(id.slice(6)) % 2 === 0 ? 'zigbee2mqtt' : 'dsmr');
  const handler = new IngestFrameHandler(undefined as unknown as EventStore, networkTypeOf, decoders);
  return (index) => {
    const g = index % GATEWAYS;
    const seq = Math.floor(index / GATEWAYS);
    const gatewayId = `rl-gw-${g}`;
    const late = index % LATE_EVERY === LATE_EVERY - 1 && seq >= LATE_BY_FRAMES;
    const measuredSeq = late ? seq - LATE_BY_FRAMES : seq;
    const dsmr = g % 2 === 1;
    const payloads = dsmr
      ? benchTelegrams(g * 1000, 1, measuredSeq * QUARTER_SECONDS)
      : benchPayloads(g * 1000, BURST, measuredSeq);
    const receivedAt = new Date(Date.UTC(2026, 0, 1) + seq * (dsmr ? QUARTER_SECONDS * 1000 : 10_000)).toISOString();
    const event = handler.toStored(gatewayId, { kind: 'readings', seq, payloads }, receivedAt);
    return {
      stream: readingsStream(gatewayId),
      revision: seq,
      id: frameEventId(gatewayId, seq),
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
    };
  };
}

/** COPY `count` events of the realistic log into the bench schema's events table. */
export async function copyRealisticLog(bench: BenchSchema, count: number): Promise<void> {
  const make = eventMaker();
  const client = new pg.Client({ connectionString: bench.url, options: `-c search_path=${bench.schema}` });
  await client.connect();
  try {
    function* chunks(): Generator<string> {
      for (let first = 0; first < count; first += 1000) {
        const rows: SqlValue[][] = [];
        for (let i = first; i < Math.min(first + 1000, count); i++) {
          const e = make(i);
          rows.push([e.stream, e.revision, e.id, e.type, e.data, e.metadata]);
        }
        yield copyText(rows);
      }
    }
    await pipeline(
      Readable.from(chunks()),
      client.query(copyStreams.from('COPY events (stream, revision, id, type, data, metadata) FROM STDIN')),
    );
  } finally {
    await client.end();
  }
}
