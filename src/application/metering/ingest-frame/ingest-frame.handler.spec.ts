import type { GatewayFrame } from '../../../domain/metering/gateway-frame.js';
import { openEsdbStore } from '#test/support/esdb-store.js';
import { backendSkipReason, openBackend } from '#test/support/sql-backends.js';
import { describeOrSkip } from '#test/support/skip.js';
import { echoDecoders } from '#test/support/echo-decoder.js';
import { uniquePrefix } from '#test/support/test-ids.js';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '../../ports/event-store.port.js';
import { IngestFrame } from './ingest-frame.command.js';
import { FrameSequenceConflictError, IngestFrameHandler } from './ingest-frame.handler.js';
import { frameEventId, nextSequence, readingsStream } from './readings-stream.js';

const RECEIVED_AT = new Date('2026-03-01T12:00:00.000Z');
const zigbee = (n: number): unknown => ({ kind: 'zigbee', cluster: 'seMetering', n });
const readings = (seq: number, payloads: unknown[] = [zigbee(seq)]): GatewayFrame => ({
  kind: 'readings',
  seq,
  payloads,
});

function strictRevisions(inner: EventStore): EventStore {
  return Object.assign(Object.create(inner) as EventStore, {
    async append(stream: string, events: readonly NewEvent[], options: { expectedRevision: ExpectedRevision }) {
      const [last] = await inner.readStream(stream, { direction: 'backwards', max: 1 });
      const actual = last ? last.revision : 'no_stream';
      const expected = options.expectedRevision;
      if (expected !== 'any' && expected !== (actual === 'no_stream' ? 'no_stream' : actual)) {
        throw new WrongExpectedRevisionError(stream, expected, actual);
      }
      return inner.append(stream, events, options);
    },
  });
}

interface OpenStore {
  readonly store: EventStore;
  close(): Promise<void>;
}

/** Name, how to open it, and why it cannot be opened here (Postgres may be absent outside CI). */
const STORES: readonly [string, () => Promise<OpenStore>, string?][] = [
  [
    'embedded (PGlite)',
    async () => {
      const backend = await openBackend('pglite', 'ingest');
      return { store: backend.store, close: () => backend.cleanup() };
    },
  ],
  [
    // What EventStoreDB does once a re-sent event has left its idempotency cache: a plain revision conflict.
    'a store without idempotent re-append',
    async () => {
      const backend = await openBackend('pglite', 'ingest-strict');
      return { store: strictRevisions(backend.store), close: () => backend.cleanup() };
    },
  ],
  [
    // The real jsonb, which refuses NUL and lone surrogates.
    'postgres',
    async () => {
      const backend = await openBackend('postgres', 'ingest');
      return { store: backend.store, close: () => backend.cleanup() };
    },
    backendSkipReason('postgres'),
  ],
  ['eventstoredb', openEsdbStore],
];

for (const [storeName, open, skipReason] of STORES)
  describeOrSkip(skipReason)(`IngestFrame on ${storeName}`, () => {
    let opened: OpenStore | undefined;
    let store: EventStore;
    const networkTypes = new Map<string, string>();
    let handler: IngestFrameHandler;

    beforeAll(async () => {
      opened = await open();
      store = opened.store;
      handler = new IngestFrameHandler(store, (id) => networkTypes.get(id), echoDecoders);
    });
    afterAll(() => opened?.close());

    function aGateway(networkType: string | null = 'zigbee'): string {
      const id = uniquePrefix('gw').slice(0, -1);
      if (networkType) networkTypes.set(id, networkType);
      return id;
    }

    /** Given: frames the gateway already delivered. */
    async function given(gatewayId: string, frames: GatewayFrame[]): Promise<void> {
      for (const frame of frames) await handler.execute(new IngestFrame(gatewayId, frame, RECEIVED_AT));
    }

    const when = (gatewayId: string, frame: GatewayFrame) =>
      handler.execute(new IngestFrame(gatewayId, frame, RECEIVED_AT));
    const stored = (gatewayId: string): Promise<RecordedEvent[]> => store.readStream(readingsStream(gatewayId));

    it('stores frame N as revision N with a derived id and gateway metadata', async () => {
      const gw = aGateway();
      await given(gw, [readings(0)]);

      await expect(when(gw, readings(1))).resolves.toEqual({ outcome: 'stored' });

      const events = await stored(gw);
      expect(events.map((e) => [e.revision, e.id, e.type])).toEqual([
        [0, frameEventId(gw, 0), 'ReadingsReported'],
        [1, frameEventId(gw, 1), 'ReadingsReported'],
      ]);
      expect(events[1]?.data).toEqual({
        gatewayId: gw,
        sequence: 1,
        networkType: 'zigbee',
        readings: [
          {
            sensorId: `echo:${gw}/power`,
            nodeId: `echo:${gw}`,
            quantity: 'power',
            unit: 'W',
            value: 1,
            measuredAt: RECEIVED_AT.toISOString(),
            source: { protocol: 'zigbee', echo: true },
          },
        ],
        receivedAt: RECEIVED_AT.toISOString(),
      });
      expect(events[1]?.metadata).toEqual({ correlationId: `${gw}:1`, actorId: `gateway:${gw}`, schemaVersion: 2 });
    });

    it('acks a re-sent frame again and stores it once (the tail frame and an older one)', async () => {
      const gw = aGateway();
      await given(gw, [readings(0), readings(1), readings(2)]);

      const again = [await when(gw, readings(2)), await when(gw, readings(0))];

      // Stores that recognise the same id at the same revision answer the append itself; others fail it and the
      // handler finds the frame already stored. Either way: acked, stored once.
      expect(again.every((r) => r.outcome === 'stored' || r.outcome === 'duplicate')).toBe(true);
      if (storeName.includes('without idempotent'))
        expect(again).toEqual([{ outcome: 'duplicate' }, { outcome: 'duplicate' }]);
      expect((await stored(gw)).map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('answers a gap with the sequence the store expects and stores nothing', async () => {
      const gw = aGateway();
      await given(gw, [readings(0), readings(1)]);

      await expect(when(gw, readings(5))).resolves.toEqual({ outcome: 'gap', expectedSequence: 2 });
      expect(await stored(gw)).toHaveLength(2);
    });

    it('a first frame above 0 on a new gateway is a gap back to 0', async () => {
      const gw = aGateway();
      await expect(when(gw, readings(3))).resolves.toEqual({ outcome: 'gap', expectedSequence: 0 });
      expect(await nextSequence(store, gw)).toBe(0);
    });

    it('keeps payloads of another kind, shape or that the module refuses next to the readings, in the same event', async () => {
      const gw = aGateway('dsmr');
      const p1 = { kind: 'dsmr', n: 1234.5 };

      await when(
        gw,
        readings(0, [
          p1,
          { kind: 'modbus', register: 40001 },
          42,
          { noKind: true },
          { kind: 'dsmr', telegram: '/bad' },
        ]),
      );

      const [event] = await stored(gw);
      expect(event?.type).toBe('ReadingsReported');
      expect(event?.data).toMatchObject({
        readings: [{ quantity: 'power', value: 1234.5 }],
        undecoded: [
          { index: 1, reason: 'kind_mismatch', payload: { kind: 'modbus', register: 40001 } },
          { index: 2, reason: 'not_an_object', payload: 42 },
          { index: 3, reason: 'missing_kind', payload: { noKind: true } },
          {
            index: 4,
            reason: 'refused_by_decoder',
            payload: { kind: 'dsmr', telegram: '/bad' },
            decoderReason: 'no_n',
            message: 'the echo module needs a numeric n',
          },
        ],
      });
    });

    it('stores a frame with nothing attributable as UndecodedPayloadReceived at its revision', async () => {
      const gw = aGateway(null);
      await when(gw, readings(0, [{ kind: 'zigbee' }]));
      await when(gw, readings(1, ['a\u0000b']));
      await when(gw, readings(2, [{ kind: 'zigbee', name: 'lone \ud800 surrogate' }]));

      const events = await stored(gw);
      expect(events.map((e) => [e.revision, e.type])).toEqual([
        [0, 'UndecodedPayloadReceived'],
        [1, 'UndecodedPayloadReceived'],
        [2, 'UndecodedPayloadReceived'],
      ]);
      expect(events[0]?.data).toMatchObject({
        networkType: null,
        undecoded: [{ index: 0, reason: 'unknown_network_type' }],
      });
      expect(events[1]?.data).toMatchObject({
        undecoded: [{ index: 0, reason: 'unstorable_text', rawJson: '"a\\u0000b"' }],
      });
      expect(JSON.parse((events[1]?.data as { undecoded: { rawJson: string }[] }).undecoded[0]!.rawJson)).toBe(
        'a\u0000b',
      );
    });

    it('stores a sequenced node event in the same sequence', async () => {
      const gw = aGateway();
      await given(gw, [readings(0)]);

      await when(gw, {
        kind: 'node_event',
        seq: 1,
        event: 'joined',
        nodeId: '0x00158d0001a2b3c4',
        at: '2026-03-01T11:00:00Z',
      });

      const events = await stored(gw);
      expect(events[1]).toMatchObject({
        revision: 1,
        type: 'NodeEventReported',
        data: { gatewayId: gw, sequence: 1, event: 'joined', nodeId: '0x00158d0001a2b3c4' },
      });
    });

    it('refuses to ack a frame whose revision holds another event', async () => {
      const gw = aGateway();
      const stranger: NewEvent = { id: '00000000-0000-4000-8000-000000000001', type: 'Other', data: {} };
      await store.append(readingsStream(gw), [stranger], { expectedRevision: 'no_stream' });

      await expect(when(gw, readings(0))).rejects.toBeInstanceOf(FrameSequenceConflictError);
    });

    it('derives ids that are stable, distinct per gateway and sequence, and UUID-shaped', () => {
      expect(frameEventId('gw-a', 7)).toBe(frameEventId('gw-a', 7));
      expect(new Set([frameEventId('gw-a', 7), frameEventId('gw-a', 8), frameEventId('gw-b', 7)]).size).toBe(3);
      expect(frameEventId('gw-a', 7)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });
  });
