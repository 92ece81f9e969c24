import { apiClientsProjection } from '../access/api-clients-projection/api-clients.projection.js';
import { usersProjection } from '../access/users-projection/users.projection.js';
import { accessProjection } from '../access/read-model/access.projection.js';
import { dataAccessLogProjection } from '../access/data-access-log/data-access-log.projection.js';
import { auditLogProjection } from '../audit/audit-log.projection.js';
import { nodeConfigurationProjection } from '../devices/node-configuration/configuration-projection/node-configuration.projection.js';
import { nodesProjection } from '../devices/nodes-projection/nodes.projection.js';
import { gatewayStatusProjection } from '../gateways/gateway-status/gateway-status.projection.js';
import type { DecoderLookup } from '../metering/ports/payload-decoders.port.js';
import { readingsProjection } from '../metering/readings-projections/readings.projection.js';
import type { Projection } from './projection.js';

/** What some projections need from the outside: the protocol modules that upcast version 1 readings events. */
export interface ProjectionDeps {
  readonly decoders: DecoderLookup;
}

/** Every projection the platform runs; replay and the supervisor take their list from here. */
export function projectionCatalog(deps: ProjectionDeps): readonly Projection[] {
  return [
    auditLogProjection,
    gatewayStatusProjection,
    readingsProjection(deps),
    nodesProjection(deps),
    usersProjection,
    apiClientsProjection,
    accessProjection,
    dataAccessLogProjection,
    nodeConfigurationProjection,
  ];
}

export function findProjections(name: string, deps: ProjectionDeps): Projection[] {
  const catalog = projectionCatalog(deps);
  if (name === 'all') return [...catalog];
  const found = catalog.find((p) => p.name === name);
  if (!found) {
    throw new Error(`unknown projection "${name}"; known: ${catalog.map((p) => p.name).join(', ')}, all`);
  }
  return [found];
}
