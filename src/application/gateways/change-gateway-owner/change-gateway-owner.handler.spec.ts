import { ADMIN, openGatewayBackend, policyOf, type GatewayBackend } from '#test/support/gateway-backend.js';
import { InvalidGatewayRegistrationError } from '../../../domain/gateways/gateway.errors.js';
import type { PrincipalDirectory } from '../../access/ports/principal-directory.port.js';
import { RegisterGateway } from '../register-gateway/register-gateway.command.js';
import { RegisterGatewayHandler } from '../register-gateway/register-gateway.handler.js';
import { ChangeGatewayOwner } from './change-gateway-owner.command.js';
import { ChangeGatewayOwnerHandler } from './change-gateway-owner.handler.js';

const AT = new Date('2024-05-01T10:00:00.000Z');
/** Users owner-1 and owner-2 exist; nobody else does. */
const directory: PrincipalDirectory = {
  exists: (grantee) => Promise.resolve(grantee.kind === 'user' && ['owner-1', 'owner-2'].includes(grantee.id)),
};

describe('ChangeGatewayOwnerHandler', () => {
  let b: GatewayBackend;
  let handler: ChangeGatewayOwnerHandler;
  beforeAll(async () => {
    b = (await openGatewayBackend('pglite', 'change-owner'))!;
    handler = new ChangeGatewayOwnerHandler(b.store, policyOf(b), directory, b.db);
    await new RegisterGatewayHandler(b.store, b.vault, policyOf(b)).execute(
      new RegisterGateway(
        {
          gatewayId: 'own-1',
          name: 'Home',
          networkType: 'modbus',
          address: 'a',
          location: { lat: 0, lon: 0 },
          ownerId: 'owner-1',
        },
        AT,
        ADMIN,
      ),
    );
  }, 30_000);
  afterAll(() => b.cleanup());

  it('Given a gateway, When it is handed to its current owner, Then nothing is recorded and the answer says so', async () => {
    await expect(handler.execute(new ChangeGatewayOwner('own-1', ' owner-1 ', AT, ADMIN))).resolves.toEqual({
      id: 'own-1',
      ownerId: 'owner-1',
      changed: false,
    });
    expect(await b.store.readStream('gateway-own-1')).toHaveLength(1);
  });

  it('Given a gateway, When it is handed to a user nobody registered, Then it is refused and nothing is recorded', async () => {
    await expect(handler.execute(new ChangeGatewayOwner('own-1', 'ghost', AT, ADMIN))).rejects.toThrow(
      InvalidGatewayRegistrationError,
    );
    expect(await b.store.readStream('gateway-own-1')).toHaveLength(1);
  });

  it('Given a gateway, When it is handed to another user, Then GatewayOwnerChanged names both owners', async () => {
    await expect(handler.execute(new ChangeGatewayOwner('own-1', 'owner-2', AT, ADMIN))).resolves.toEqual({
      id: 'own-1',
      ownerId: 'owner-2',
      changed: true,
    });
    const [, changed] = await b.store.readStream('gateway-own-1');
    expect(changed).toMatchObject({
      type: 'GatewayOwnerChanged',
      data: { ownerId: 'owner-2', previousOwnerId: 'owner-1' },
    });
  });
});
