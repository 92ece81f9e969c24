import { randomUUID } from 'node:crypto';
import { foldNodeConfiguration, type NodeConfigurationState } from '../../../domain/devices/node-configuration.decider.js';
import { isNodeConfigurationEvent, type NodeConfigurationEvent } from '../../../domain/devices/node-configuration.events.js';
import type { EventStore, NewEvent, RecordedEvent } from '../../ports/event-store.port.js';

export const NODE_STREAM_PREFIX = 'node-';
export const NODE_SCHEMA_VERSION = 1;

export function nodeStream(nodeId: string): string {
  return `${NODE_STREAM_PREFIX}${nodeId}`;
}

export interface LoadedNodeConfiguration {
  readonly state: NodeConfigurationState;
  readonly revision: number | 'no_stream';
  /** The configuration events folded, in stream order. */
  readonly events: readonly RecordedEvent[];
}

/** Folds the node's stream; with `until`, only the events recorded at or before that instant (point in time). */
export async function loadNodeConfiguration(store: EventStore, nodeId: string, until?: string): Promise<LoadedNodeConfiguration> {
  const recorded = await store.readStream(nodeStream(nodeId));
  const upTo = until === undefined ? recorded : recorded.filter((e) => e.recordedAt <= until);
  const events = upTo.filter(isNodeConfigurationEvent);
  return {
    state: foldNodeConfiguration(events.map((e) => ({ type: e.type, data: e.data }) as NodeConfigurationEvent)),
    revision: upTo.at(-1)?.revision ?? 'no_stream',
    events,
  };
}

export function toNodeEvents(events: readonly NodeConfigurationEvent[], metadata: { readonly actorId: string; readonly correlationId: string }): NewEvent[] {
  return events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: { ...metadata, causationId: event.data.requestId, schemaVersion: NODE_SCHEMA_VERSION },
  }));
}
