import {
  NODE_CONFIGURATION_EVENT_TYPES,
  isNodeConfigurationEvent,
  type NodeConfigurationEvent,
} from '../../../domain/devices/node-configuration.events.js';
import { assertNever } from '../../../domain/shared/decider.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { NODE_CONFIGURATION_MIGRATIONS, NODE_CONFIGURATION_TABLE } from './node-configuration.tables.js';

export { NODE_CONFIGURATION_TABLE };

/** Applies one event as SQL; a step naming another request than the field's latest only records an application. */
async function applyEvent(
  tx: SqlExecutor,
  table: string,
  event: NodeConfigurationEvent,
  requestField: Map<string, string>,
): Promise<void> {
  switch (event.type) {
    case 'NodeConfigurationRequested': {
      const d = event.data;
      requestField.set(d.requestId, d.field);
      await tx.query(
        `INSERT INTO ${table} (node_id, field, gateway_id, desired, desired_request_id, desired_by, desired_at, status, outcome)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::timestamptz, 'requested', NULL)
         ON CONFLICT (node_id, field) DO UPDATE SET gateway_id = EXCLUDED.gateway_id, desired = EXCLUDED.desired,
           desired_request_id = EXCLUDED.desired_request_id, desired_by = EXCLUDED.desired_by, desired_at = EXCLUDED.desired_at,
           status = 'requested', outcome = NULL`,
        [d.nodeId, d.field, d.gatewayId, JSON.stringify(d.change), d.requestId, d.requestedBy, d.requestedAt],
      );
      return;
    }
    case 'NodeConfigurationSent': {
      const field = requestField.get(event.data.requestId);
      const where = field === undefined ? '' : ' AND field = $3';
      await tx.query(
        `UPDATE ${table} SET status = 'sent' WHERE node_id = $1 AND desired_request_id = $2${where}`,
        field === undefined
          ? [event.data.nodeId, event.data.requestId]
          : [event.data.nodeId, event.data.requestId, field],
      );
      return;
    }
    case 'NodeConfigurationApplied': {
      const d = event.data;
      await tx.query(
        `UPDATE ${table} SET applied = $3::jsonb, applied_by = $4, applied_at = $5::timestamptz,
           status = CASE WHEN desired_request_id = $6 THEN 'applied' ELSE status END,
           outcome = CASE WHEN desired_request_id = $6 THEN $7 ELSE outcome END
         WHERE node_id = $1 AND field = $2`,
        [d.nodeId, d.field, JSON.stringify(d.applied), d.requestedBy, d.appliedAt, d.requestId, d.confirmation],
      );
      return;
    }
    case 'NodeConfigurationRejected':
    case 'NodeConfigurationTimedOut': {
      const d = event.data;
      const status = event.type === 'NodeConfigurationRejected' ? 'rejected' : 'timed_out';
      const outcome =
        event.type === 'NodeConfigurationRejected' ? event.data.detail : 'no answer from the device in time';
      await tx.query(
        `UPDATE ${table} SET status = $4, outcome = $5 WHERE node_id = $1 AND field = $2 AND desired_request_id = $3`,
        [d.nodeId, d.field, d.requestId, status, outcome],
      );
      return;
    }
    default:
      assertNever(event);
  }
}

/** The configuration database: per node and field, what was asked for last, by whom, and what the device confirmed. */
export const nodeConfigurationProjection: Projection = {
  name: NODE_CONFIGURATION_TABLE,
  formerName: 'node-configuration',
  eventTypes: NODE_CONFIGURATION_EVENT_TYPES,
  tables: [NODE_CONFIGURATION_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table }: { table: TableResolver; sequence: number }) {
    const physical = table(NODE_CONFIGURATION_TABLE);
    const requestField = new Map<string, string>();
    for (const recorded of batch) {
      if (!isNodeConfigurationEvent(recorded)) continue;
      await applyEvent(
        tx,
        physical,
        { type: recorded.type, data: recorded.data } as NodeConfigurationEvent,
        requestField,
      );
    }
  },
};

export interface NodeConfigurationRow {
  readonly nodeId: string;
  readonly field: string;
  readonly gatewayId: string;
  readonly desired: unknown;
  readonly desiredBy: string;
  readonly desiredAt: string;
  readonly status: string;
  readonly outcome: string | null;
  readonly applied: unknown;
  readonly appliedBy: string | null;
  readonly appliedAt: string | null;
  /** The device runs what was last asked for. */
  readonly inSync: boolean;
}

const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

export async function selectNodeConfiguration(
  db: SqlExecutor,
  filter: { readonly gatewayIds?: readonly string[]; readonly nodeId?: string; readonly status?: string },
): Promise<NodeConfigurationRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.gatewayIds !== undefined) {
    params.push([...filter.gatewayIds]);
    where.push(`gateway_id = ANY($${params.length}::text[])`);
  }
  if (filter.nodeId !== undefined) {
    params.push(filter.nodeId);
    where.push(`node_id = $${params.length}`);
  }
  if (filter.status !== undefined) {
    params.push(filter.status);
    where.push(`status = $${params.length}`);
  }
  const rows = await db.query<Record<string, unknown>>(
    `SELECT node_id, field, gateway_id, desired, desired_by, desired_at, status, outcome, applied, applied_by, applied_at
       FROM ${NODE_CONFIGURATION_TABLE}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY gateway_id, node_id, field LIMIT 5000`,
    params,
  );
  return rows.map((r) => ({
    nodeId: String(r.node_id),
    field: String(r.field),
    gatewayId: String(r.gateway_id),
    desired: r.desired,
    desiredBy: String(r.desired_by),
    desiredAt: iso(r.desired_at)!,
    status: String(r.status),
    outcome: (r.outcome as string | null) ?? null,
    applied: r.applied ?? null,
    appliedBy: (r.applied_by as string | null) ?? null,
    appliedAt: iso(r.applied_at),
    inSync: r.status === 'applied',
  }));
}

export const nodeConfigurationReadModel: ReadModel = {
  migrations: NODE_CONFIGURATION_MIGRATIONS,
  projection: () => nodeConfigurationProjection,
};
