import { ADMIN, openGatewayBackend, policyOf, type GatewayBackend } from '#test/support/gateway-backend.js';
import { GatewayDecommissionedError, GatewayNotFoundError } from '../../../domain/gateways/gateway.errors.js';
import { WrongExpectedRevisionError } from '../../ports/event-store.port.js';
import { DecommissionGateway } from '../decommission-gateway/decommission-gateway.command.js';
import { DecommissionGatewayHandler } from '../decommission-gateway/decommission-gateway.handler.js';
import type { KeyVault } from '../ports/key-vault.port.js';
import { RegisterGateway } from '../register-gateway/register-gateway.command.js';
import { RegisterGatewayHandler } from '../register-gateway/register-gateway.handler.js';
import { RotateNetworkKey } from './rotate-network-key.command.js';
import { RotateNetworkKeyHandler } from './rotate-network-key.handler.js';

const AT = new Date('2024-05-01T10:00:00.000Z');
const LATER = new Date('2024-05-02T10:00:00.000Z');

describe('RotateNetworkKeyHandler', () => {
  let b: GatewayBackend;
  beforeAll(async () => {
    b = await openGatewayBackend('pglite', 'rotate');
  }, 30_000);
  afterAll(() => b.cleanup());

  const register = (gatewayId: string) =>
    new RegisterGatewayHandler(b.store, b.vault, policyOf(b)).execute(
      new RegisterGateway(
        { gatewayId, name: 'Home', networkType: 'zigbee', address: 'a', location: { lat: 0, lon: 0 } },
        AT,
        ADMIN,
      ),
    );

  it('issues a new key under a new vault id and records both fingerprints', async () => {
    const first = await register('rot-1');
    const rotated = await new RotateNetworkKeyHandler(b.store, b.vault, policyOf(b)).execute(
      new RotateNetworkKey('rot-1', LATER, ADMIN),
    );
    expect(rotated.id).toBe('rot-1');
    expect(rotated.key).not.toBe(first.key);
    expect(rotated.fingerprint).not.toBe(first.fingerprint);
    expect((await b.vault.get(`rot-1:${rotated.fingerprint}`))?.toString('hex')).toBe(rotated.key);
    // The old entry stays: vault entries are immutable and the history stays auditable.
    expect((await b.vault.get(`rot-1:${first.fingerprint}`))?.toString('hex')).toBe(first.key);
    const events = await b.store.readStream('gateway-rot-1');
    expect(events.map((e) => e.type)).toEqual(['GatewayRegistered', 'NetworkKeyRotated']);
    expect(events[1]).toMatchObject({
      data: {
        gatewayId: 'rot-1',
        keyFingerprint: rotated.fingerprint,
        previousKeyFingerprint: first.fingerprint,
        rotatedAt: LATER.toISOString(),
      },
      metadata: { actorId: 'user:bootstrap-admin', correlationId: 'corr-1' },
    });
  });

  it('refuses unknown and decommissioned gateways without storing a key', async () => {
    const handler = new RotateNetworkKeyHandler(b.store, b.vault, policyOf(b));
    await expect(handler.execute(new RotateNetworkKey('nobody', LATER, ADMIN))).rejects.toThrow(GatewayNotFoundError);
    await register('rot-2');
    await new DecommissionGatewayHandler(b.store, policyOf(b)).execute(
      new DecommissionGateway('rot-2', 'moved', LATER, ADMIN),
    );
    const before = (await b.vault.all()).size;
    await expect(handler.execute(new RotateNetworkKey('rot-2', LATER, ADMIN))).rejects.toThrow(
      GatewayDecommissionedError,
    );
    expect((await b.vault.all()).size).toBe(before);
  });

  it('turns a concurrent change between read and append into a revision conflict', async () => {
    await register('rot-3');
    const interfering: KeyVault = {
      put: async (keyId, secret) => {
        await b.vault.put(keyId, secret);
        await new DecommissionGatewayHandler(b.store, policyOf(b)).execute(
          new DecommissionGateway('rot-3', 'meanwhile', LATER, ADMIN),
        );
      },
      get: (keyId) => b.vault.get(keyId),
      all: () => b.vault.all(),
    };
    await expect(
      new RotateNetworkKeyHandler(b.store, interfering, policyOf(b)).execute(
        new RotateNetworkKey('rot-3', LATER, ADMIN),
      ),
    ).rejects.toThrow(WrongExpectedRevisionError);
    expect((await b.store.readStream('gateway-rot-3')).map((e) => e.type)).toEqual([
      'GatewayRegistered',
      'GatewayDecommissioned',
    ]);
  });
});
