import { randomBytes } from 'node:crypto';
import { connect } from 'node:tls';
import type { EventStore } from '../../application/ports/event-store.port.js';
import { LINK_PROTOCOL_VERSION } from '../../infrastructure/tls-link/link-messages.js';
import { pskClientOptions } from '../../infrastructure/tls-link/psk-tls.js';
import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { RawLinkClient } from '#test/support/link-client.js';
import { startLinkHarness, type LinkHarness } from '#test/support/link-harness.js';
import { waitFor } from '#test/support/test-ids.js';

function handshakeError(port: number, identity: string, key: Buffer): Promise<string> {
  return RawLinkClient.open(port, identity, key).then(
    async (client) => {
      await client.close();
      throw new Error('handshake unexpectedly succeeded');
    },
    (error: Error & { code?: string }) => error.code ?? error.message,
  );
}

describe('gateway link server: handshake and sessions', () => {
  let backend: SqlBackend;
  let store: EventStore;
  let link: LinkHarness;

  beforeAll(async () => {
    backend = await openBackend('pglite', 'link-handshake');
    store = backend.store;
    link = await startLinkHarness(store, { idleTimeoutMs: 1500 });
  });
  afterAll(async () => {
    await link.close();
    await backend.cleanup();
  });

  const aGateway = (): { id: string; key: Buffer } => link.aGateway();

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
