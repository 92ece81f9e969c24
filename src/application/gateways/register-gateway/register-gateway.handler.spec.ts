import { createHash, randomUUID } from 'node:crypto';
import { ADMIN, openGatewayBackend, policyOf, type GatewayBackend } from '#test/support/gateway-backend.js';
import {
  GatewayAlreadyRegisteredError,
  InvalidGatewayRegistrationError,
} from '../../../domain/gateways/gateway.errors.js';
import type { KeyVault } from '../ports/key-vault.port.js';
import { RegisterGateway, type RegisterGatewayInput } from './register-gateway.command.js';
import { RegisterGatewayHandler } from './register-gateway.handler.js';

const AT = new Date('2024-05-01T10:00:00.000Z');
const input = (overrides: Partial<RegisterGatewayInput> = {}): RegisterGatewayInput => ({
  name: 'Home',
  networkType: 'dsmr',
  address: '192.0.2.10',
  location: { lat: 52.37, lon: 4.89 },
  ...overrides,
});

describe('RegisterGatewayHandler', () => {
  let b: GatewayBackend;
  beforeAll(async () => {
    b = await openGatewayBackend('pglite', 'register');
  }, 30_000);
  afterAll(() => b.cleanup());

  it('generates a 256-bit key, keeps it in the vault, and logs only its fingerprint', async () => {
    const issued = await new RegisterGatewayHandler(b.store, b.vault, policyOf(b)).execute(
      new RegisterGateway(input(), AT, ADMIN),
    );
    expect(issued.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(issued.key).toMatch(/^[0-9a-f]{64}$/);
    const key = Buffer.from(issued.key, 'hex');
    expect(issued.fingerprint).toBe(createHash('sha256').update(key).digest('hex').slice(0, 16));
    expect(await b.vault.get(`${issued.id}:${issued.fingerprint}`)).toEqual(key);

    const [event, ...rest] = await b.store.readStream(`gateway-${issued.id}`);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: 'GatewayRegistered',
      data: {
        gatewayId: issued.id,
        name: 'Home',
        networkType: 'dsmr',
        address: '192.0.2.10',
        description: '',
        location: { lat: 52.37, lon: 4.89, label: '' },
        ownerId: 'bootstrap-admin',
        keyFingerprint: issued.fingerprint,
        registeredAt: '2024-05-01T10:00:00.000Z',
      },
      metadata: { actorId: 'user:bootstrap-admin', correlationId: 'corr-1', schemaVersion: 1 },
    });
    expect(JSON.stringify(event)).not.toContain(issued.key);
  });

  it('gives every gateway its own key', async () => {
    const handler = new RegisterGatewayHandler(b.store, b.vault, policyOf(b));
    const one = await handler.execute(new RegisterGateway(input(), AT, ADMIN));
    const two = await handler.execute(new RegisterGateway(input(), AT, ADMIN));
    expect(one.id).not.toBe(two.id);
    expect(one.key).not.toBe(two.key);
  });

  it('refuses a second registration of the same id', async () => {
    const handler = new RegisterGatewayHandler(b.store, b.vault, policyOf(b));
    await handler.execute(new RegisterGateway(input({ gatewayId: 'twice' }), AT, ADMIN));
    await expect(handler.execute(new RegisterGateway(input({ gatewayId: 'twice' }), AT, ADMIN))).rejects.toThrow(
      new GatewayAlreadyRegisteredError('twice'),
    );
    expect(await b.store.readStream('gateway-twice')).toHaveLength(1);
  });

  it('maps a lost race (the stream appeared after the read) to already registered', async () => {
    const racing: KeyVault = {
      put: async (keyId, secret) => {
        await b.vault.put(keyId, secret);
        // Another registration of the same id lands between our read and our append.
        if (keyId.startsWith('raced:')) {
          await b.store.append('gateway-raced', [{ id: randomUUID(), type: 'GatewayRegistered', data: {} }], {
            expectedRevision: 'no_stream',
          });
        }
      },
      get: (keyId) => b.vault.get(keyId),
      all: () => b.vault.all(),
    };
    await expect(
      new RegisterGatewayHandler(b.store, racing, policyOf(b)).execute(
        new RegisterGateway(input({ gatewayId: 'raced' }), AT, ADMIN),
      ),
    ).rejects.toThrow(GatewayAlreadyRegisteredError);
  });

  it('stores the key before the event, and appends nothing when the vault fails', async () => {
    const order: string[] = [];
    const watching: KeyVault = {
      put: async (keyId, secret) => {
        order.push(`put; stream has ${(await b.store.readStream('gateway-ordered')).length} events`);
        await b.vault.put(keyId, secret);
      },
      get: (keyId) => b.vault.get(keyId),
      all: () => b.vault.all(),
    };
    await new RegisterGatewayHandler(b.store, watching, policyOf(b)).execute(
      new RegisterGateway(input({ gatewayId: 'ordered' }), AT, ADMIN),
    );
    expect(order).toEqual(['put; stream has 0 events']);

    const broken: KeyVault = { ...watching, put: () => Promise.reject(new Error('vault down')) };
    await expect(
      new RegisterGatewayHandler(b.store, broken, policyOf(b)).execute(
        new RegisterGateway(input({ gatewayId: 'no-vault' }), AT, ADMIN),
      ),
    ).rejects.toThrow('vault down');
    expect(await b.store.readStream('gateway-no-vault')).toEqual([]);
  });

  it('rejects invalid registrations before touching the vault', async () => {
    const before = (await b.vault.all()).size;
    await expect(
      new RegisterGatewayHandler(b.store, b.vault, policyOf(b)).execute(
        new RegisterGateway(input({ gatewayId: 'bad', name: ' ', location: { lat: -91, lon: 200 } }), AT, ADMIN),
      ),
    ).rejects.toThrow(
      new InvalidGatewayRegistrationError([
        'name must be 1 to 100 characters (got 1)',
        'lat must be a number from -90 to 90 (got -91)',
        'lon must be a number from -180 to 180 (got 200)',
      ]),
    );
    expect((await b.vault.all()).size).toBe(before);
    expect(await b.store.readStream('gateway-bad')).toEqual([]);
  });
});
