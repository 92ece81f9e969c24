import type { Principal } from '../../domain/access/principal.js';
import type { SqlExecutor } from '../ports/read-model-db.port.js';
import { NotAuthenticatedError, ObjectNotVisibleError } from '../access/access.errors.js';

/**
 * The homeowner a principal is in the market: a signed-in user (admins too, for their own plugs). API clients own
 * no plugs and enroll in nothing: they are an owner of nothing (null), so lists are empty and items not found.
 */
export function marketOwnerOf(principal: Principal): string | null {
  if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
  return principal.kind === 'user' ? principal.userId : null;
}

/**
 * Checks that the owner owns (now) the gateway of every sensor named; the first that is not is not found, as any
 * sensor the caller may not see. A grant, even `command`, is not ownership: only owners enroll their plugs.
 */
export async function assertOwnsSensors(
  db: SqlExecutor,
  ownerId: string | null,
  sensorIds: readonly string[],
): Promise<void> {
  const rows =
    ownerId === null
      ? []
      : await db.query<{ sensor_id: string }>(
          `SELECT l.sensor_id FROM readings_latest l
             JOIN access_gateway_owners o ON o.gateway_id = l.gateway_id AND o.owner_id = $1
            WHERE l.sensor_id = ANY($2::text[])`,
          [ownerId, sensorIds],
        );
  const owned = new Set(rows.map((r) => r.sensor_id));
  const missing = sensorIds.find((id) => !owned.has(id));
  if (missing !== undefined) throw new ObjectNotVisibleError('sensor', missing);
}
