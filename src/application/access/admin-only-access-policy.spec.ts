import { BOOTSTRAP_ADMIN, type Principal } from '../../domain/access/principal.js';
import { AdminRequiredError, NotAuthenticatedError, ObjectNotVisibleError } from './access.errors.js';
import { AdminOnlyAccessPolicy } from './admin-only-access-policy.js';

const policy = new AdminOnlyAccessPolicy();
const user: Principal = { kind: 'user', userId: 'u1', role: 'user' };
const client: Principal = { kind: 'client', clientId: 'c1', organisation: 'Grid Co' };
const anonymous: Principal = { kind: 'anonymous' };

describe('AdminOnlyAccessPolicy', () => {
  it('lets admins see and command everything', async () => {
    await expect(policy.sensorScope(BOOTSTRAP_ADMIN, 'read')).resolves.toEqual({ kind: 'all' });
    await expect(policy.gatewayScope(BOOTSTRAP_ADMIN)).resolves.toEqual({ kind: 'all' });
    await expect(policy.assertSensorRight(BOOTSTRAP_ADMIN, 's1', 'command')).resolves.toBeUndefined();
    await expect(policy.assertGatewayOwner(BOOTSTRAP_ADMIN, 'g1')).resolves.toBeUndefined();
    expect(() => policy.assertAdmin(BOOTSTRAP_ADMIN)).not.toThrow();
  });

  it.each([user, client, anonymous])('shows %j nothing and lets it change nothing', async (principal) => {
    await expect(policy.sensorScope(principal, 'read')).resolves.toEqual({ kind: 'sensors', sensorIds: [] });
    await expect(policy.gatewayScope(principal)).resolves.toEqual({ kind: 'some', gatewayIds: [] });
    await expect(policy.assertSensorRight(principal, 's1', 'command')).rejects.toThrow(ObjectNotVisibleError);
    await expect(policy.assertGatewayOwner(principal, 'g1')).rejects.toThrow(ObjectNotVisibleError);
    expect(() => policy.assertAdmin(principal)).toThrow(principal.kind === 'anonymous' ? NotAuthenticatedError : AdminRequiredError);
  });
});
