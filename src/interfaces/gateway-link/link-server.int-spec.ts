import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { connect } from 'node:tls';
import type { EventStore } from '../../application/ports/event-store.port.js';
import { readingsStream } from '../../application/metering/ingest-frame/readings-stream.js';
import { LINK_PROTOCOL_VERSION } from '../../infrastructure/tls-link/link-messages.js';
import { pskClientOptions } from '../../infrastructure/tls-link/psk-tls.js';
import { openBackend, type SqlBackend } from '../../../test/support/sql-backends.js';
import { RawLinkClient } from '../../../test/support/link-client.js';
import { startLinkHarness, type LinkHarness } from '../../../test/support/link-harness.js';
import { uniquePrefix, waitFor } from '../../../test/support/test-ids.js';

const reading = (seq: number): { type: 'readings'; seq: number; payloads: unknown[] } => ({
  type: 'readings',
  seq,
  payloads: [{ kind: 'dsmr', obis: '1-0:1.8.1', value: 1000 + seq }],
});

function handshakeError(port: number, identity: string, key: Buffer): Promise<string> {
  return RawLinkClient.open(port, identity, key).then(
    async (client) => {
      await client.close();
      throw new Error('handshake unexpectedly succeeded');
    },
    (error: Error & { code?: string }) => error.code ?? error.message,
  );
}

describe('gateway link server', () => {
  let backend: SqlBackend;
  let store: EventStore;
  let link: LinkHarness;

  beforeAll(async () => {
    backend = (await openBackend('pglite', 'link-server'))!;
    store = backend.store;
    link = await startLinkHarness(store, { idleTimeoutMs: 1500 });
  });
  afterAll(async () => {
    await link.close();
    await backend.cleanup();
  });

  function aGateway(): { id: string; key: Buffer } {
    const id = uniquePrefix('gw').slice(0, -1);
    link.networkTypes.set(id, 'dsmr');
    return { id, key: link.keyRing.register(id) };
  }

  describe('handshake', () => {
    it('negotiates TLS 1.3 with TLS_AES_128_GCM_SHA256 and X25519, or ChaCha20 when that is all the client offers', async () => {
      const gw = aGateway();
      const { client } = await RawLinkClient.accepted(link.port, gw.id, gw.key);
      expect(client.socket.getProtocol()).toBe('TLSv1.3');
      expect(client.socket.getCipher().standardName).toBe('TLS_AES_128_GCM_SHA256');
      expect(client.socket.getEphemeralKeyInfo()).toMatchObject({ name: 'X25519' });
      await client.close();

      const chacha = await new Promise<string>((resolve, reject) => {
        const socket = connect({
          host: '127.0.0.1',
          port: link.port,
          ...pskClientOptions(gw.id, gw.key),
          ciphers: 'TLS_CHACHA20_POLY1305_SHA256',
        });
        socket.once('secureConnect', () => {
          resolve(socket.getCipher().standardName);
          socket.destroy();
        });
        socket.once('error', reject);
      });
      expect(chacha).toBe('TLS_CHACHA20_POLY1305_SHA256');
    });

    it('refuses a wrong key, an unknown identity and a decommissioned gateway alike, and records which it was', async () => {
      const good = aGateway();
      const gone = aGateway();
      link.keyRing.decommission(gone.id);
      const stranger = `nobody-${randomBytes(4).toString('hex')}`;

      const errors = [
        await handshakeError(link.port, good.id, randomBytes(32)),
        await handshakeError(link.port, stranger, good.key),
        await handshakeError(link.port, gone.id, gone.key),
      ];

      // The peer cannot tell the cases apart (no oracle)…
      expect(new Set(errors).size).toBe(1);
      // …the server can.
      await waitFor(() => link.refusals.reasonsFor(gone.id).length > 0, 2000, 'refusal recorded');
      expect(link.refusals.reasonsFor(good.id)).toEqual(['wrong_key']);
      expect(link.refusals.reasonsFor(stranger)).toEqual(['unknown_identity']);
      expect(link.refusals.reasonsFor(gone.id)).toEqual(['decommissioned']);
      const refusedLines = link.logs.lines.filter((l) => l.msg === 'link handshake refused').map((l) => l.reason);
      expect(refusedLines).toEqual(expect.arrayContaining(['wrong_key', 'unknown_identity', 'decommissioned']));
      expect(link.logs.text()).not.toContain(good.key.toString('hex'));
    });

    it('on rotation drops the live session within a second, refuses the old key and accepts the new one', async () => {
      const gw = aGateway();
      const { client } = await RawLinkClient.accepted(link.port, gw.id, gw.key);

      const rotatedAt = Date.now();
      const newKey = link.keyRing.rotate(gw.id);
      await client.closed;
      expect(Date.now() - rotatedAt).toBeLessThan(1000);
      expect(client.received).toContainEqual(expect.objectContaining({ type: 'error', reason: 'key_revoked' }));

      await handshakeError(link.port, gw.id, gw.key);
      expect(link.refusals.reasonsFor(gw.id)).toContain('wrong_key');
      const again = await RawLinkClient.accepted(link.port, gw.id, newKey);
      expect(again.accept.nextSequence).toBe(0);
      await again.client.close();
    });

    it('drops the live session of a decommissioned gateway within a second', async () => {
      const gw = aGateway();
      const { client } = await RawLinkClient.accepted(link.port, gw.id, gw.key);
      const at = Date.now();
      link.keyRing.decommission(gw.id);
      await client.closed;
      expect(Date.now() - at).toBeLessThan(1000);
    });

    it('refuses a hello whose gateway id is not the PSK identity, or whose version it does not speak', async () => {
      const gw = aGateway();
      const other = aGateway();
      const liar = await RawLinkClient.open(link.port, gw.id, gw.key);
      liar.send({ type: 'hello', v: LINK_PROTOCOL_VERSION, gatewayId: other.id, agentVersion: 't' });
      expect(await liar.next('error')).toMatchObject({ reason: 'identity_mismatch' });
      await liar.closed;

      const future = await RawLinkClient.open(link.port, gw.id, gw.key);
      future.send({ type: 'hello', v: LINK_PROTOCOL_VERSION + 1, gatewayId: gw.id, agentVersion: 't' });
      expect(await future.next('error')).toMatchObject({ reason: 'unsupported_version' });
      await future.closed;
      expect(link.refusals.reasonsFor(gw.id)).toEqual(['bad_hello', 'bad_hello']);
    });
  });

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
        for (let seq = 0; seq < 300; seq++) client.send({ type: 'readings', seq, payloads: [{ kind: 'dsmr', filler }] });

        await waitFor(() => local.server.sessions()[0]?.paused === true, 3000, 'session paused');
        await new Promise((r) => setTimeout(r, 200));
        const [session] = local.server.sessions();
        // One socket read can hold a few more frames than the limit (16 KiB TLS records of ~1 KiB frames), never more.
        expect(session?.queued).toBeLessThanOrEqual(queueLimit + 17);

        release();
        let last = -1;
        while (last < 299) last = (await client.next('ack')).seq;
        expect(await store.readStream(readingsStream(id), { direction: 'backwards', max: 1 })).toMatchObject([{ revision: 299 }]);
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
            sessionOpened: (s) => Promise.resolve(reported.push(['opened', s.gatewayId, s.sessionId, s.protocolVersion, s.remoteAddress])),
            sessionClosed: (s) => Promise.resolve(reported.push(['closed', s.gatewayId, s.sessionId, s.reason, s.framesReceived, s.readingsReceived])),
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
        client.send({ type: 'readings', seq: 0, payloads: [{ kind: 'dsmr', a: 1 }, { kind: 'dsmr', a: 2 }] });
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

    it('sends commands down and hands command results up', async () => {
      const results: unknown[] = [];
      const local = await startLinkHarness(store, {}, { onCommandResult: (gatewayId, r) => results.push([gatewayId, r]) });
      try {
        const id = uniquePrefix('gw').slice(0, -1);
        const key = local.keyRing.register(id);
        const { client } = await RawLinkClient.accepted(local.port, id, key);
        expect(local.server.send(id, { type: 'command', commandId: 'c1', target: 'node-1', action: 'on' })).toBe(true);
        expect(await client.next('command')).toEqual({ type: 'command', commandId: 'c1', target: 'node-1', action: 'on' });
        client.send({ type: 'command_result', commandId: 'c1', ok: true, detail: 'switched' });
        await waitFor(() => results.length === 1, 2000, 'command result');
        expect(results[0]).toEqual([id, { type: 'command_result', commandId: 'c1', ok: true, detail: 'switched' }]);
        expect(local.server.send('not-connected', { type: 'command', commandId: 'c2', target: 'n', action: 'off' })).toBe(false);
        await client.close();
      } finally {
        await local.close();
      }
    });
  });
});
