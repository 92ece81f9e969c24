import type { SqlBackend } from './sql-backends.js';
import type { Principal } from '../../src/domain/access/principal.js';
import type { GrantScope } from '../../src/domain/access/grant.events.js';
import { CollectingAccessRecorder } from './fixed-scope-policy.js';
import { GetGatewayHandler } from '../../src/application/gateways/get-gateway/get-gateway.handler.js';
import { GetGateway } from '../../src/application/gateways/get-gateway/get-gateway.query.js';
import { ListGatewaysHandler } from '../../src/application/gateways/list-gateways/list-gateways.handler.js';
import { ListGateways } from '../../src/application/gateways/list-gateways/list-gateways.query.js';
import { GetLatestReadingsHandler } from '../../src/application/metering/query-readings/latest-readings/get-latest-readings.handler.js';
import { GetLatestReadings } from '../../src/application/metering/query-readings/latest-readings/get-latest-readings.query.js';
import { ListSensorsHandler } from '../../src/application/devices/list-sensors/list-sensors.handler.js';
import { ListSensors } from '../../src/application/devices/list-sensors/list-sensors.query.js';
import { GetNodeHandler } from '../../src/application/devices/get-node/get-node.handler.js';
import { GetNode } from '../../src/application/devices/get-node/get-node.query.js';
import { ListNodesHandler } from '../../src/application/devices/list-nodes/list-nodes.handler.js';
import { ListNodes } from '../../src/application/devices/list-nodes/list-nodes.query.js';
import { QueryReadingSeriesHandler } from '../../src/application/metering/query-readings/reading-series/query-reading-series.handler.js';
import { QueryReadingSeries } from '../../src/application/metering/query-readings/reading-series/query-reading-series.query.js';
import { ChangeSensorVisibility } from '../../src/application/access/change-sensor-visibility/change-sensor-visibility.command.js';
import { ChangeSensorVisibilityHandler } from '../../src/application/access/change-sensor-visibility/change-sensor-visibility.handler.js';
import { GrantAccess } from '../../src/application/access/grant-access/grant-access.command.js';
import { GrantAccessHandler } from '../../src/application/access/grant-access/grant-access.handler.js';
import { ReadModelAccessPolicy } from '../../src/application/access/policy/read-model-access-policy.js';
import { RevokeAccess } from '../../src/application/access/revoke-access/revoke-access.command.js';
import { RevokeAccessHandler } from '../../src/application/access/revoke-access/revoke-access.handler.js';
import { directory, project, type TestClock } from './access-homes.js';

/** Every handler the two-tenant specs drive, wired to one backend, one clock and the real policy. */
export function accessHandlers(b: SqlBackend, clock: TestClock) {
  const policy = new ReadModelAccessPolicy(b.db, clock);
  const log = new CollectingAccessRecorder();
  const latest = new GetLatestReadingsHandler(b.db, policy, log);
  const series = new QueryReadingSeriesHandler(b.db, policy, log);
  const sensors = new ListSensorsHandler(b.db, policy, log);
  const nodes = new ListNodesHandler(b.db, policy);
  const node = new GetNodeHandler(b.db, policy);
  const gateways = new ListGatewaysHandler(b.db, policy);
  const gateway = new GetGatewayHandler(b.db, policy);
  const granting = new GrantAccessHandler(b.store, b.db, directory());
  const revoking = new RevokeAccessHandler(b.store);
  const visibility = new ChangeSensorVisibilityHandler(b.store, b.db);
  return {
    policy,
    log,
    latest: (p: Principal, ids: string[]) => latest.execute(new GetLatestReadings(p, ids)),
    visibleLatest: async (p: Principal, ids: string[]) =>
      (await latest.execute(new GetLatestReadings(p, ids))).items.map((r) => r.sensorId),
    series: async (p: Principal, ids: string[], bucket: 'raw' | '1h') => {
      const result = await series.execute(
        new QueryReadingSeries(p, { sensorIds: ids, from: '2025-03-01T00:00:00Z', to: '2025-03-02T00:00:00Z', bucket }),
      );
      const points: Record<string, number> = {};
      for (const sensor of result.sensors) {
        points[sensor.sensorId] = 0;
        for await (const page of result.pages(sensor)) points[sensor.sensorId]! += page.length;
      }
      return { points, missing: result.missing };
    },
    sensors: async (p: Principal) => (await sensors.execute(new ListSensors(p, { limit: 100 }))).items,
    nodeIds: async (p: Principal) => (await nodes.execute(new ListNodes(p, { limit: 100 }))).items.map((n) => n.nodeId),
    node: (p: Principal, id: string) => node.execute(new GetNode(p, id)),
    gatewayIds: async (p: Principal) =>
      (await gateways.execute(new ListGateways(p, { limit: 100 }))).items.map((g) => g.id),
    gateway: (p: Principal, id: string) => gateway.execute(new GetGateway(p, id)),
    grant: async (
      by: Principal,
      to: { kind: 'user' | 'client'; id: string },
      scope: GrantScope,
      rights: string[],
      expiresAt?: string,
    ) => {
      const issued = await granting.execute(
        new GrantAccess(
          by,
          { grantee: to, scope, rights, ...(expiresAt !== undefined ? { expiresAt } : {}) },
          clock.now(),
          'corr',
        ),
      );
      await project(b);
      return issued.grantId;
    },
    revoke: async (by: Principal, grantId: string) => {
      await revoking.execute(new RevokeAccess(by, grantId, clock.now(), 'corr'));
      await project(b);
    },
    setVisibility: async (by: Principal, sensorId: string, value: string) => {
      const result = await visibility.execute(new ChangeSensorVisibility(by, sensorId, value, clock.now(), 'corr'));
      await project(b);
      return result;
    },
  };
}
