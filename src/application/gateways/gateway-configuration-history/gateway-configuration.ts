import { isGatewayEvent, type GatewayEvent } from '../../../domain/gateways/gateway.events.js';
import {
  networkConfigurationDecider,
  type NetworkRequestStatus,
} from '../../../domain/gateways/network-configuration.decider.js';
import {
  isNetworkConfigurationEvent,
  type NetworkConfigurationEvent,
} from '../../../domain/gateways/network-configuration.events.js';
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
  /** Network fields only: the request the event belongs to, and its reason, confirmation or rejection. */
  readonly requestId?: string;
  readonly detail?: string | null;
}

/** A network setting as asked for or as the coordinator confirmed it; `by` is who asked for it. */
export interface NetworkValue {
  readonly value: unknown;
  readonly requestId: string;
  readonly by: string;
  readonly at: string;
  readonly revision: number;
}

export interface NetworkConfigurationField {
  readonly field: string;
  /** What was last asked for. */
  readonly desired: NetworkValue | null;
  /** What the coordinator last reported after applying a change. */
  readonly applied: NetworkValue | null;
  /** `applied`: the coordinator confirmed what was last asked for; `pending`: waiting; `differs`: the last request failed. */
  readonly sync: 'applied' | 'pending' | 'differs';
}

export interface PendingNetworkRequest {
  readonly requestId: string;
  readonly field: string;
  readonly status: NetworkRequestStatus;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
}

export interface GatewayConfigurationFold {
  readonly fields: Record<string, SetField>;
  readonly changes: FieldChange[];
  readonly network: NetworkConfigurationField[];
  readonly pending: PendingNetworkRequest[];
}

/** The configuration fields an event sets; link session bookkeeping sets none. */
function fieldsOf(event: GatewayEvent): Record<string, unknown> {
  switch (event.type) {
    case 'GatewayRegistered': {
      const d = event.data;
      return {
        name: d.name,
        networkType: d.networkType,
        address: d.address,
        description: d.description,
        location: d.location,
        ownerId: d.ownerId,
        keyFingerprint: d.keyFingerprint,
        lifecycle: 'registered',
      };
    }
    case 'GatewayDetailsChanged':
      return { name: event.data.name, description: event.data.description, location: event.data.location };
    case 'GatewayOwnerChanged':
      return { ownerId: event.data.ownerId };
    case 'NetworkKeyRotated':
      return { keyFingerprint: event.data.keyFingerprint };
    case 'GatewayDecommissioned':
      return { lifecycle: 'decommissioned' };
    case 'OwnershipPeriodErased':
    case 'LinkSessionOpened':
    case 'LinkSessionClosed':
    case 'LinkConnectionRefused':
      return {};
  }
}

/**
 * Folds a gateway's stream into its configuration field by field, and lists every field change with its value
 * before and after. Network settings (`network.channel`, `network.permitJoin`) follow their requests: desired when
 * asked for, applied when the coordinator confirmed them. Events are taken in stream order, so a point in time is
 * exact to the revision.
 */
export function foldGatewayConfiguration(recorded: readonly RecordedEvent[]): GatewayConfigurationFold {
  const fields: Record<string, SetField> = {};
  const changes: FieldChange[] = [];
  const desired: Record<string, NetworkValue> = {};
  const applied: Record<string, NetworkValue> = {};
  let network = networkConfigurationDecider.initialState();
  for (const e of recorded) {
    if (isNetworkConfigurationEvent(e)) {
      const event = { type: e.type, data: e.data } as NetworkConfigurationEvent;
      network = networkConfigurationDecider.evolve(network, event);
      const request = network.requests[event.data.requestId];
      if (!request) continue;
      const step = {
        field: request.field,
        by: request.requestedBy,
        at: e.recordedAt,
        revision: e.revision,
        type: e.type,
        requestId: request.requestId,
      };
      switch (event.type) {
        case 'NetworkConfigurationRequested':
          changes.push({
            ...step,
            before: desired[request.field]?.value ?? null,
            after: request.change,
            detail: request.reason || null,
          });
          desired[request.field] = {
            value: request.change,
            requestId: request.requestId,
            by: request.requestedBy,
            at: e.recordedAt,
            revision: e.revision,
          };
          break;
        case 'NetworkConfigurationApplied':
          changes.push({
            ...step,
            before: applied[request.field]?.value ?? null,
            after: event.data.applied,
            detail: event.data.confirmation,
          });
          applied[request.field] = {
            value: event.data.applied,
            requestId: request.requestId,
            by: request.requestedBy,
            at: e.recordedAt,
            revision: e.revision,
          };
          break;
        case 'NetworkConfigurationSent':
        case 'NetworkConfigurationRejected':
        case 'NetworkConfigurationTimedOut':
          changes.push({ ...step, before: null, after: null, detail: request.outcome });
          break;
      }
      continue;
    }
    if (!isGatewayEvent(e)) continue;
    const set = fieldsOf({ type: e.type, data: e.data } as GatewayEvent);
    const by = typeof e.metadata.actorId === 'string' ? e.metadata.actorId : 'unknown';
    for (const [field, value] of Object.entries(set)) {
      const before = fields[field]?.value;
      if (before !== undefined && JSON.stringify(before) === JSON.stringify(value)) continue;
      fields[field] = { value, by, at: e.recordedAt, revision: e.revision };
      changes.push({
        field,
        before: before ?? null,
        after: value,
        by,
        at: e.recordedAt,
        revision: e.revision,
        type: e.type,
      });
    }
  }
  const waiting = (status: NetworkRequestStatus): boolean => status === 'requested' || status === 'sent';
  const names = [...new Set([...Object.keys(desired), ...Object.keys(applied)])].sort();
  return {
    fields,
    changes,
    network: names.map((field): NetworkConfigurationField => {
      const wanted = desired[field] ?? null;
      const confirmed = applied[field] ?? null;
      const request = wanted ? network.requests[wanted.requestId] : undefined;
      const sync =
        wanted && confirmed?.requestId === wanted.requestId
          ? 'applied'
          : request && waiting(request.status)
            ? 'pending'
            : 'differs';
      return { field, desired: wanted, applied: confirmed, sync };
    }),
    pending: Object.values(network.requests)
      .filter((r) => waiting(r.status))
      .map((r) => ({
        requestId: r.requestId,
        field: r.field,
        status: r.status,
        requestedBy: r.requestedBy,
        requestedAt: r.requestedAt,
        expiresAt: r.expiresAt,
      })),
  };
}
