import { isGatewayEvent, type GatewayEvent } from '../../../domain/gateways/gateway.events.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';

/** One configuration field with who set it, when, and at which revision of `gateway-<id>`. */
export interface SetField {
  readonly value: unknown;
  readonly by: string;
  readonly at: string;
  readonly revision: number;
}

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly by: string;
  readonly at: string;
  readonly revision: number;
  readonly type: string;
}

/** The configuration fields an event sets; link session bookkeeping sets none. */
function fieldsOf(event: GatewayEvent): Record<string, unknown> {
  switch (event.type) {
    case 'GatewayRegistered': {
      const d = event.data;
      return { name: d.name, networkType: d.networkType, address: d.address, description: d.description, location: d.location, ownerId: d.ownerId, keyFingerprint: d.keyFingerprint, lifecycle: 'registered' };
    }
    case 'GatewayDetailsChanged':
      return { name: event.data.name, description: event.data.description, location: event.data.location };
    case 'GatewayOwnerChanged':
      return { ownerId: event.data.ownerId };
    case 'NetworkKeyRotated':
      return { keyFingerprint: event.data.keyFingerprint };
    case 'GatewayDecommissioned':
      return { lifecycle: 'decommissioned' };
    case 'LinkSessionOpened':
    case 'LinkSessionClosed':
    case 'LinkConnectionRefused':
      return {};
  }
}

/**
 * Folds a gateway's stream into its configuration field by field, and lists every field change with its value
 * before and after. Events are taken in stream order, so a point in time is exact to the revision.
 */
export function foldGatewayConfiguration(recorded: readonly RecordedEvent[]): { fields: Record<string, SetField>; changes: FieldChange[] } {
  const fields: Record<string, SetField> = {};
  const changes: FieldChange[] = [];
  for (const e of recorded) {
    if (!isGatewayEvent(e)) continue;
    const set = fieldsOf({ type: e.type, data: e.data } as GatewayEvent);
    const by = typeof e.metadata.actorId === 'string' ? e.metadata.actorId : 'unknown';
    for (const [field, value] of Object.entries(set)) {
      const before = fields[field]?.value;
      if (before !== undefined && JSON.stringify(before) === JSON.stringify(value)) continue;
      fields[field] = { value, by, at: e.recordedAt, revision: e.revision };
      changes.push({ field, before: before ?? null, after: value, by, at: e.recordedAt, revision: e.revision, type: e.type });
    }
  }
  return { fields, changes };
}
