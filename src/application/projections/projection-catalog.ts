import { auditLogProjection } from '../audit/audit-log.projection.js';
import { gatewayStatusProjection } from '../gateways/gateway-status/gateway-status.projection.js';
import type { Projection } from './projection.js';

/** Every projection the platform runs; replay and the supervisor take their list from here. */
export const projectionCatalog: readonly Projection[] = [auditLogProjection, gatewayStatusProjection];

export function findProjections(name: string): Projection[] {
  if (name === 'all') return [...projectionCatalog];
  const found = projectionCatalog.find((p) => p.name === name);
  if (!found) {
    throw new Error(`unknown projection "${name}"; known: ${projectionCatalog.map((p) => p.name).join(', ')}, all`);
  }
  return [found];
}
