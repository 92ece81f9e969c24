import { AdminRequiredError } from '../../src/application/access/access.errors.js';
import type { AccessPolicy } from '../../src/application/access/ports/access-policy.port.js';
import type { DataAccessRecorder, SensorAccess } from '../../src/application/access/ports/data-access-recorder.port.js';
import type { SensorScope } from '../../src/application/access/sensor-scope/sensor-access.port.js';
import type { Principal } from '../../src/domain/access/principal.js';

/**
 * A policy answering one fixed sensor scope whoever asks: for specs of the query SQL itself. The access rules are
 * specified against the real policy (read-model-access-policy specs).
 */
export function fixedScopePolicy(scope: SensorScope): AccessPolicy {
  return {
    sensorScope: () => Promise.resolve(scope),
    resolveSensorScope: () => Promise.reject(new Error('not used')),
    gatewayScope: () => Promise.resolve({ kind: 'all' }),
    assertSensorRight: () => Promise.resolve(),
    assertGatewayOwner: () => Promise.resolve(),
    assertAdmin: (_: Principal, operation = 'operation') => {
      if (scope.kind !== 'all') throw new AdminRequiredError(operation);
    },
  };
}

/** Keeps what the query handlers report, in order. */
export class CollectingAccessRecorder implements DataAccessRecorder {
  readonly entries: { principal: Principal; accesses: readonly SensorAccess[] }[] = [];

  record(principal: Principal, accesses: readonly SensorAccess[]): void {
    this.entries.push({ principal, accesses });
  }
}
