import { randomUUID } from 'node:crypto';
import { ADMIN, openGatewayBackend, policyOf, type GatewayBackend } from '#test/support/gateway-backend.js';
import { waitFor } from '#test/support/test-ids.js';
import { DecommissionGateway } from '../decommission-gateway/decommission-gateway.command.js';
import { DecommissionGatewayHandler } from '../decommission-gateway/decommission-gateway.handler.js';
import { RegisterGateway } from '../register-gateway/register-gateway.command.js';
import { RegisterGatewayHandler } from '../register-gateway/register-gateway.handler.js';
import { RotateNetworkKey } from '../rotate-network-key/rotate-network-key.command.js';
import { RotateNetworkKeyHandler } from '../rotate-network-key/rotate-network-key.handler.js';
import { EventFedKeyRing } from './event-fed-key-ring.js';

const AT = new Date('2024-05-01T10:00:00.000Z');

describe('EventFedKeyRing on PGlite', () => {
  let b: GatewayBackend;
  let rings: EventFedKeyRing[];
  const errors: string[] = [];
  beforeEach(async () => {
    b = await openGatewayBackend('pglite', 'keyring');
    rings = [];
    errors.length = 0;
  }, 30_000);
  afterEach(async () => {
    for (const ring of rings) await ring.stop();
    await b.cleanup();
  });

  const ring = (): EventFedKeyRing => {
    const created = new EventFedKeyRing(b.store, b.vault, {
      retryMs: 20,
      pageSize: 2,
      onError: (e, context) => errors.push(`${context}: ${String(e)}`),
    });
    rings.push(created);
    created.start();
    return created;
  };
  const register = async (gatewayId: string) =>
    new RegisterGatewayHandler(b.store, b.vault, policyOf(b)).execute(
      new RegisterGateway(
        { gatewayId, name: gatewayId, networkType: 'zigbee', address: 'a', location: { lat: 0, lon: 0 } },
        AT,
        ADMIN,
      ),
    );
  const rotate = (gatewayId: string) =>
    new RotateNetworkKeyHandler(b.store, b.vault, policyOf(b)).execute(new RotateNetworkKey(gatewayId, AT, ADMIN));
  const decommission = (gatewayId: string) =>
    new DecommissionGatewayHandler(b.store, policyOf(b)).execute(new DecommissionGateway(gatewayId, 'gone', AT, ADMIN));
  const hex = (key: Buffer | undefined): string | undefined => key?.toString('hex');

  it('is ready with every key registered before it started, current after rotations, without decommissioned ones', async () => {
    const one = await register('kr-1');
    const two = await register('kr-2');
    await register('kr-3');
    const rotatedTwo = await rotate('kr-2');
    await decommission('kr-3');
    // Unrelated traffic in between must not confuse the catch-up.
    await b.store.append(
      'readings-kr-1',
      [{ id: randomUUID(), type: 'ReadingsReported', data: { gatewayId: 'kr-1', payloads: [] } }],
      {
        expectedRevision: 'no_stream',
      },
    );
    const keyRing = ring();
    await keyRing.ready();
    expect(hex(keyRing.keyFor('kr-1'))).toBe(one.key);
    expect(hex(keyRing.keyFor('kr-2'))).toBe(rotatedTwo.key);
    expect(hex(keyRing.keyFor('kr-2'))).not.toBe(two.key);
    expect(keyRing.keyFor('kr-3')).toBeUndefined();
    expect(keyRing.keyFor('unknown')).toBeUndefined();
    expect(keyRing.size()).toBe(2);
    expect([
      keyRing.isDecommissioned('kr-3'),
      keyRing.isDecommissioned('kr-1'),
      keyRing.isDecommissioned('unknown'),
    ]).toEqual([true, false, false]);
    expect(keyRing.networkTypeOf('kr-1')).toBe('zigbee');
    expect(keyRing.networkTypeOf('unknown')).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('follows live registrations, rotations and decommissions and tells listeners about revocations', async () => {
    const keyRing = ring();
    await keyRing.ready();
    const revoked: string[] = [];
    const unsubscribe = keyRing.onRevoked((id) => revoked.push(id));

    const issued = await register('live-1');
    await waitFor(() => hex(keyRing.keyFor('live-1')) === issued.key, 5000, 'live registration');
    expect(revoked).toEqual([]);

    const rotated = await rotate('live-1');
    await waitFor(() => hex(keyRing.keyFor('live-1')) === rotated.key, 5000, 'live rotation');
    await waitFor(() => revoked.length === 1, 5000, 'revocation on rotation');

    await decommission('live-1');
    await waitFor(() => keyRing.keyFor('live-1') === undefined, 5000, 'live decommission');
    await waitFor(() => revoked.length === 2, 5000, 'revocation on decommission');
    expect(revoked).toEqual(['live-1', 'live-1']);

    unsubscribe();
    await register('live-2');
    await rotate('live-2');
    await waitFor(() => keyRing.keyFor('live-2') !== undefined, 5000, 'second gateway');
    expect(revoked).toHaveLength(2);
  });

  it('reports a gateway whose vault entry is unreadable and keeps serving the others', async () => {
    await register('ok-1');
    const bad = await register('bad-1');
    await b.db.query(
      'UPDATE key_vault SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1) WHERE key_id = $1',
      [`bad-1:${bad.fingerprint}`],
    );
    const keyRing = ring();
    await keyRing.ready();
    expect(keyRing.keyFor('ok-1')).toBeDefined();
    expect(keyRing.keyFor('bad-1')).toBeUndefined();
    expect(errors.join('\n')).toContain('gateway bad-1 cannot connect until its key is rotated');
    expect(errors.join('\n')).not.toMatch(/[0-9a-f]{64}/);
  });

  it('stops promptly', async () => {
    const keyRing = ring();
    await keyRing.ready();
    const started = Date.now();
    await keyRing.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
