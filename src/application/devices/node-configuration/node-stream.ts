import {
  isNodeConfigurationEvent,
  type NodeConfigurationEvent,
} from '../../../domain/devices/node-configuration.events.js';
import type { StreamEvents } from '../../shared/decider-command.js';

export const NODE_STREAM_PREFIX = 'node-';
export const NODE_SCHEMA_VERSION = 1;

export function nodeStream(nodeId: string): string {
  return `${NODE_STREAM_PREFIX}${nodeId}`;
}

/** Node configuration in `node-<id>`: each event is caused by its request. */
export const NODE_CONFIGURATION_EVENTS: StreamEvents<NodeConfigurationEvent> = {
  accepts: isNodeConfigurationEvent,
  schemaVersion: NODE_SCHEMA_VERSION,
  causationId: (event) => event.data.requestId,
};
