import {
  AdminRequiredError,
  NotAuthenticatedError,
  ObjectNotVisibleError,
} from '../../src/application/access/access.errors.js';
import type { AccessPolicy, AccessRight, GatewayScope } from '../../src/application/access/ports/access-policy.port.js';
import type { ResolvedSensorScope } from '../../src/application/access/sensor-scope/live-scope.js';
import type { SensorScope } from '../../src/application/access/sensor-scope/sensor-access.port.js';
import { isAdmin, type Principal } from '../../src/domain/access/principal.js';

const NOTHING: SensorScope = { kind: 'sensors', sensorIds: [] };

/**
 * A fixture policy for handler specs that are about something other than grants: admins may do everything, everyone
 * else sees nothing and may change nothing.
 */
export class AdminOnlyAccessPolicy implements AccessPolicy {
  sensorScope(principal: Principal, _right: AccessRight): Promise<SensorScope> {
    return Promise.resolve(isAdmin(principal) ? { kind: 'all' } : NOTHING);
  }

  resolveSensorScope(
    principal: Principal,
    _right: AccessRight,
    _sensorIds: readonly string[],
  ): Promise<ResolvedSensorScope> {
    return Promise.resolve(
      isAdmin(principal)
        ? { kind: 'all' }
        : { kind: 'some', ownedGateways: new Set(), granted: new Map(), privateSensors: new Set() },
    );
  }

  gatewayScope(principal: Principal): Promise<GatewayScope> {
    return Promise.resolve(isAdmin(principal) ? { kind: 'all' } : { kind: 'some', gatewayIds: [] });
  }

  assertSensorRight(principal: Principal, sensorId: string, _right: AccessRight): Promise<void> {
    return isAdmin(principal) ? Promise.resolve() : Promise.reject(new ObjectNotVisibleError('sensor', sensorId));
  }

  assertGatewayOwner(principal: Principal, gatewayId: string): Promise<void> {
    return isAdmin(principal) ? Promise.resolve() : Promise.reject(new ObjectNotVisibleError('gateway', gatewayId));
  }

  assertAdmin(principal: Principal): void {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    if (!isAdmin(principal)) throw new AdminRequiredError('this operation');
  }
}
