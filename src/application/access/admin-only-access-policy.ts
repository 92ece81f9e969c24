import { isAdmin, type Principal } from '../../domain/access/principal.js';
import type { SensorScope } from '../metering/query-readings/access/sensor-access.port.js';
import { AdminRequiredError, NotAuthenticatedError, ObjectNotVisibleError } from './access.errors.js';
import type { AccessPolicy, AccessRight, GatewayScope } from './ports/access-policy.port.js';

const NOTHING: SensorScope = { kind: 'sensors', sensorIds: [] };

/** Admins may do everything; everyone else sees nothing and may change nothing. The policy before grants exist. */
export class AdminOnlyAccessPolicy implements AccessPolicy {
  sensorScope(principal: Principal, _right: AccessRight): Promise<SensorScope> {
    return Promise.resolve(isAdmin(principal) ? { kind: 'all' } : NOTHING);
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
