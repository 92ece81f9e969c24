import { createConnection } from 'node:net';
import type { EventStore } from '../../application/ports/event-store.port.js';
import { readingsStream } from '../../application/metering/ingest-frame/readings-stream.js';
import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { RawLinkClient } from '#test/support/link-client.js';
import { startLinkHarness, type LinkHarness } from '#test/support/link-harness.js';
import { uniquePrefix, waitFor } from '#test/support/test-ids.js';

const reading = (seq: number): { type: 'readings'; seq: number; payloads: unknown[] } => ({
  type: 'readings',
  seq,
  payloads: [{ kind: 'dsmr', obis: '1-0:1.8.1', value: 1000 + seq }],
});

describe('gateway link server: frames', () => {
  let backend: SqlBackend;
  let store: EventStore;
  let link: LinkHarness;

  beforeAll(async () => {
    backend = await openBackend('pglite', 'link-server');
    store = backend.store;
    link = await startLinkHarness(store, { idleTimeoutMs: 1500 });
  });
  afterAll(async () => {
    await link.close();
    await backend.cleanup();
  });

  const aGateway = (): { id: string; key: Buffer } => link.aGateway();

  describe('frames', () => {
    it('acks after the append, and a re-sent frame is acked again but stored once', async () => {
      const gw = aGateway();
      const first = await RawLinkClient.accepted(link.port, gw.id, gw.key);
      expect(first.accept).toMatchObject({ v: 1, nextSequence: 0, maxFrameBytes: 1024 * 1024, idleTimeoutMs: 1500 });
      for (const seq of [0, 1, 2]) first.client.send(reading(seq));
      for (const seq of [0, 1, 2]) expect(await first.client.next('ack')).toEqual({ type: 'ack', seq });
      await first.client.close();

      const second = await RawLinkClient.accepted(link.port, gw.id, gw.key);
      expect(second.accept.nextSequence).toBe(3);
      second.client.send(reading(2));
      second.client.send(reading(1));
      second.client.send(reading(3));
      expect(await second.client.next('ack')).toEqual({ type: 'ack', seq: 2 });
      expect(await second.client.next('ack')).toEqual({ type: 'ack', seq: 1 });
      expect(await second.client.next('ack')).toEqual({ type: 'ack', seq: 3 });
      await second.client.close();

      const events = await store.readStream(readingsStream(gw.id));
      expect(events.map((e) => [e.revision, (e.data as { sequence: number }).sequence])).toEqual([
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
      ]);
    });

    it('nacks a sequence gap with the sequence it expects', async () => {
      const gw = aGateway();
      const { client } = await RawLinkClient.accepted(link.port, gw.id, gw.key);
      client.send(reading(0));
      client.send(reading(4));
      expect(await client.next('ack')).toEqual({ type: 'ack', seq: 0 });
      expect(await client.next('nack')).toEqual({ type: 'nack', seq: 4, reason: 'sequence_gap', expectedSequence: 1 });
      await client.close();
    });

    it('a new session of the same gateway replaces the old one', async () => {
      const gw = aGateway();
      const old = await RawLinkClient.accepted(link.port, gw.id, gw.key);
      const fresh = await RawLinkClient.accepted(link.port, gw.id, gw.key);
      await old.client.closed;
      expect(old.client.received).toContainEqual(expect.objectContaining({ type: 'error', reason: 'replaced' }));
      fresh.client.send({ type: 'ping' });
      await fresh.client.next('pong');
      await fresh.client.close();
    });

    it('closes an idle session, and pings keep a session alive', async () => {
      const gw = aGateway();
      const idle = await RawLinkClient.accepted(link.port, gw.id, gw.key);
      const other = aGateway();
      const alive = await RawLinkClient.accepted(link.port, other.id, other.key);
      const pinger = setInterval(() => alive.client.send({ type: 'ping' }), 400);
      try {
        await idle.client.closed;
        expect(idle.client.received).toContainEqual(expect.objectContaining({ type: 'error', reason: 'idle_timeout' }));
        expect(alive.client.isClosed).toBe(false);
      } finally {
        clearInterval(pinger);
        await alive.client.close();
      }
    });

    it('pauses a gateway while its appends lag (bounded queue) and catches up when the store does', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slowStore = Object.assign(Object.create(store) as EventStore, {
        append: async (...args: Parameters<EventStore['append']>) => {
          await gate;
          return store.append(...args);
        },
      });
      const queueLimit = 8;
      const local = await startLinkHarness(slowStore, { queueLimit });
      try {
        const id = uniquePrefix('gw').slice(0, -1);
        local.networkTypes.set(id, 'dsmr');
        const { client } = await RawLinkClient.accepted(local.port, id, local.keyRing.register(id));
        const filler = 'x'.repeat(1000);
        for (let seq = 0; seq < 300; seq++)
          client.send({ type: 'readings', seq, payloads: [{ kind: 'dsmr', filler }] });

        await waitFor(() => local.server.sessions()[0]?.paused === true, 3000, 'session paused');
        await new Promise((r) => setTimeout(r, 200));
        const [session] = local.server.sessions();
        // One socket read can hold a few more frames than the limit (16 KiB TLS records of ~1 KiB frames), never more.
        expect(session?.queued).toBeLessThanOrEqual(queueLimit + 17);

        release();
        let last = -1;
        while (last < 299) last = (await client.next('ack')).seq;
        expect(await store.readStream(readingsStream(id), { direction: 'backwards', max: 1 })).toMatchObject([
          { revision: 299 },
        ]);
        expect(local.server.sessions()[0]).toMatchObject({ paused: false, queued: 0 });
        await client.close();
      } finally {
        release();
        await local.close();
      }
    });

    it('reports each admitted session start and end, with the frames and readings it acked', async () => {
      const reported: unknown[] = [];
      const local = await startLinkHarness(
        store,
        {},
        {
          sessionEvents: {
            sessionOpened: (s) =>
              Promise.resolve(reported.push(['opened', s.gatewayId, s.sessionId, s.protocolVersion, s.remoteAddress])),
            sessionClosed: (s) =>
              Promise.resolve(
                reported.push(['closed', s.gatewayId, s.sessionId, s.reason, s.framesReceived, s.readingsReceived]),
              ),
          },
        },
      );
      try {
        const id = uniquePrefix('gw').slice(0, -1);
        const key = local.keyRing.register(id);
        local.networkTypes.set(id, 'dsmr');
        const refused = await RawLinkClient.open(local.port, id, key);
        refused.send({ type: 'hello', v: 99, gatewayId: id, agentVersion: 't' });
        await refused.closed;
        const { client, accept } = await RawLinkClient.accepted(local.port, id, key);
        client.send({
          type: 'readings',
          seq: 0,
          payloads: [
            { kind: 'dsmr', a: 1 },
            { kind: 'dsmr', a: 2 },
          ],
        });
        client.send({ type: 'readings', seq: 1, payloads: [{ kind: 'dsmr', a: 3 }] });
        await client.next('ack');
        await client.next('ack');
        await client.close();
        await waitFor(() => reported.length === 2, 2000, 'session events');
        expect(reported).toEqual([
          ['opened', id, accept.sessionId, 1, '127.0.0.1'],
          ['closed', id, accept.sessionId, 'peer_closed', 2, 3],
        ]);
      } finally {
        await local.close();
      }
    });

    it('closes promptly even with connections stuck before or inside the handshake', async () => {
      const local = await startLinkHarness(store);
      const silent = createConnection({ host: '127.0.0.1', port: local.port });
      silent.on('error', () => undefined);
      await new Promise((r) => silent.once('connect', r));
      const id = uniquePrefix('gw').slice(0, -1);
      const { client } = await RawLinkClient.accepted(local.port, id, local.keyRing.register(id));
      const started = Date.now();
      await local.close();
      expect(Date.now() - started).toBeLessThan(1000);
      await client.closed;
      silent.destroy();
    });

    it('drops a connection that never completes its handshake after the handshake timeout', async () => {
      const local = await startLinkHarness(store, { handshakeTimeoutMs: 300 });
      try {
        const silent = createConnection({ host: '127.0.0.1', port: local.port });
        silent.on('error', () => undefined);
        silent.resume();
        const started = Date.now();
        await new Promise((r) => silent.once('close', r));
        expect(Date.now() - started).toBeLessThan(2000);
        expect(local.logs.lines).toContainEqual(
          expect.objectContaining({ msg: 'link handshake refused', detail: 'ERR_TLS_HANDSHAKE_TIMEOUT' }),
        );
      } finally {
        await local.close();
      }
    });

    it('sends commands down and hands command results up', async () => {
      const results: unknown[] = [];
      const local = await startLinkHarness(
        store,
        {},
        { onCommandResult: (gatewayId, r) => results.push([gatewayId, r]) },
      );
      try {
        const id = uniquePrefix('gw').slice(0, -1);
        const key = local.keyRing.register(id);
        const { client } = await RawLinkClient.accepted(local.port, id, key);
        expect(local.server.send(id, { type: 'command', commandId: 'c1', target: 'node-1', action: 'on' })).toBe(true);
        expect(await client.next('command')).toEqual({
          type: 'command',
          commandId: 'c1',
          target: 'node-1',
          action: 'on',
        });
        client.send({ type: 'command_result', commandId: 'c1', ok: true, detail: 'switched' });
        await waitFor(() => results.length === 1, 2000, 'command result');
        expect(results[0]).toEqual([id, { type: 'command_result', commandId: 'c1', ok: true, detail: 'switched' }]);
        expect(
          local.server.send('not-connected', { type: 'command', commandId: 'c2', target: 'n', action: 'off' }),
        ).toBe(false);
        await client.close();
      } finally {
        await local.close();
      }
    });
  });
});
