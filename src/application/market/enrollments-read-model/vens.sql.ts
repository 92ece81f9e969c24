import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { resourceObject, venObject, type ResourceObject, type VenObject } from './ven-objects.js';
import { RESOURCES_TABLE, VENS_TABLE } from './enrollments.tables.js';

export type { ResourceObject, VenObject } from './ven-objects.js';

interface VenRow {
  ven_id: string;
  ven_name: string;
  status: string;
  targets: string[];
  created_at: string;
  modified_at: string;
}

interface ResourceRow {
  resource_id: string;
  resource_name: string;
  ven_id: string;
  targets: string[];
  created_at: string;
  modified_at: string;
}

const VEN_COLUMNS = 'ven_id, ven_name, status, targets, created_at, modified_at';
const RESOURCE_COLUMNS = 'resource_id, resource_name, ven_id, targets, created_at, modified_at';

const venOf = (row: VenRow): VenObject =>
  venObject(row.ven_id, row.created_at, row.modified_at, {
    venName: row.ven_name,
    status: row.status,
    targets: row.targets,
  });

const resourceOf = (row: ResourceRow): ResourceObject =>
  resourceObject(row.resource_id, row.created_at, row.modified_at, {
    resourceName: row.resource_name,
    venId: row.ven_id,
    targets: row.targets,
  });

export interface VenFilter {
  readonly providerId: string;
  readonly venName?: string;
  readonly targets?: readonly string[];
  readonly skip: number;
  readonly limit: number;
}

/** The vens enrolled in the provider's programs, in enrollment order; filters are equalities (AND). */
export async function selectVens(db: SqlExecutor, filter: VenFilter): Promise<VenObject[]> {
  const rows = await db.query<VenRow>(
    `SELECT ${VEN_COLUMNS} FROM ${VENS_TABLE}
      WHERE provider_id = $1 AND ($2::text IS NULL OR ven_name = $2) AND ($3::text[] IS NULL OR targets @> $3::text[])
      ORDER BY seq, ven_id OFFSET $4 LIMIT $5`,
    [filter.providerId, filter.venName ?? null, filter.targets ?? null, filter.skip, filter.limit],
  );
  return rows.map(venOf);
}

export async function selectVen(db: SqlExecutor, providerId: string, venId: string): Promise<VenObject | undefined> {
  const [row] = await db.query<VenRow>(
    `SELECT ${VEN_COLUMNS} FROM ${VENS_TABLE} WHERE provider_id = $1 AND ven_id = $2`,
    [providerId, venId],
  );
  return row ? venOf(row) : undefined;
}

export interface ResourceFilter {
  readonly providerId: string;
  readonly venId?: string;
  readonly resourceName?: string;
  readonly targets?: readonly string[];
  readonly skip: number;
  readonly limit: number;
}

export async function selectResources(db: SqlExecutor, filter: ResourceFilter): Promise<ResourceObject[]> {
  const rows = await db.query<ResourceRow>(
    `SELECT ${RESOURCE_COLUMNS} FROM ${RESOURCES_TABLE}
      WHERE provider_id = $1 AND ($2::text IS NULL OR ven_id = $2) AND ($3::text IS NULL OR resource_name = $3)
        AND ($4::text[] IS NULL OR targets @> $4::text[])
      ORDER BY seq, ordinal OFFSET $5 LIMIT $6`,
    [
      filter.providerId,
      filter.venId ?? null,
      filter.resourceName ?? null,
      filter.targets ?? null,
      filter.skip,
      filter.limit,
    ],
  );
  return rows.map(resourceOf);
}

export async function selectResource(
  db: SqlExecutor,
  providerId: string,
  resourceId: string,
): Promise<ResourceObject | undefined> {
  const [row] = await db.query<ResourceRow>(
    `SELECT ${RESOURCE_COLUMNS} FROM ${RESOURCES_TABLE} WHERE provider_id = $1 AND resource_id = $2`,
    [providerId, resourceId],
  );
  return row ? resourceOf(row) : undefined;
}

/** The enrollment a ven (or resource) of the provider belongs to, for a write to decide on its stream. */
export async function enrollmentOfVen(db: SqlExecutor, providerId: string, venId: string): Promise<string | undefined> {
  const [row] = await db.query<{ enrollment_id: string }>(
    `SELECT enrollment_id FROM ${VENS_TABLE} WHERE provider_id = $1 AND ven_id = $2`,
    [providerId, venId],
  );
  return row?.enrollment_id;
}

export async function enrollmentOfResource(
  db: SqlExecutor,
  providerId: string,
  resourceId: string,
): Promise<string | undefined> {
  const [row] = await db.query<{ enrollment_id: string }>(
    `SELECT enrollment_id FROM ${RESOURCES_TABLE} WHERE provider_id = $1 AND resource_id = $2`,
    [providerId, resourceId],
  );
  return row?.enrollment_id;
}
