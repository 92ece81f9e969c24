import { ADMIN, openGatewayBackend, policyOf, type GatewayBackend } from '#test/support/gateway-backend.js';
import { GatewayDecommissionedError, GatewayNotFoundError } from '../../../domain/gateways/gateway.errors.js';
import { RegisterGateway } from '../register-gateway/register-gateway.command.js';
import { RegisterGatewayHandler } from '../register-gateway/register-gateway.handler.js';
import { DecommissionGateway } from './decommission-gateway.command.js';
import { DecommissionGatewayHandler } from './decommission-gateway.handler.js';

const AT = new Date('2024-05-01T10:00:00.000Z');

describe('DecommissionGatewayHandler', () => {
  let b: GatewayBackend;
  beforeAll(async () => {
    b = await openGatewayBackend('pglite', 'decommission');
  }, 30_000);
  afterAll(() => b.cleanup());

  it('decommissions once, with reason and who did it, and refuses a second time', async () => {
    await new RegisterGatewayHandler(b.store, b.vault, policyOf(b)).execute(
      new RegisterGateway(
        { gatewayId: 'dec-1', name: 'Home', networkType: 'modbus', address: 'a', location: { lat: 0, lon: 0 } },
        AT,
        ADMIN,
      ),
    );
    const handler = new DecommissionGatewayHandler(b.store, policyOf(b));
    const result = await handler.execute(
      new DecommissionGateway('dec-1', 'hardware replaced', AT, { ...ADMIN, correlationId: 'c-9' }),
    );
    expect(result).toEqual({ id: 'dec-1', decommissionedAt: AT.toISOString() });
    const events = await b.store.readStream('gateway-dec-1');
    expect(events[1]).toMatchObject({
      type: 'GatewayDecommissioned',
      data: { gatewayId: 'dec-1', reason: 'hardware replaced', at: AT.toISOString() },
      metadata: { actorId: 'user:bootstrap-admin', correlationId: 'c-9' },
    });
    await expect(handler.execute(new DecommissionGateway('dec-1', 'again', AT, ADMIN))).rejects.toThrow(
      GatewayDecommissionedError,
    );
  });

  it('answers not found for gateways never registered', async () => {
    await expect(
      new DecommissionGatewayHandler(b.store, policyOf(b)).execute(new DecommissionGateway('ghost', '', AT, ADMIN)),
    ).rejects.toThrow(GatewayNotFoundError);
    expect(await b.store.readStream('gateway-ghost')).toEqual([]);
  });
});
