import { createHash } from 'node:crypto';
import { isActuatorCommandEvent, type ActuatorCommandEvent, type ActuatorEvent } from '../../domain/control/actuator-command.events.js';
import type { StreamEvents } from '../shared/decider-command.js';

export const COMMAND_STREAM_PREFIX = 'command-';
export const ACTUATOR_STREAM_PREFIX = 'actuator-';
export const CONTROL_SCHEMA_VERSION = 1;

export function commandStream(commandId: string): string {
  return `${COMMAND_STREAM_PREFIX}${commandId}`;
}

export function actuatorStream(sensorId: string): string {
  return `${ACTUATOR_STREAM_PREFIX}${sensorId}`;
}

/** A UUID (version 8 layout) from SHA-256 of the parts: the same request always names the same event or command. */
export function derivedUuid(...parts: readonly string[]): string {
  const bytes = createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The command an `Idempotency-Key` names: per actor, so two callers' keys never collide. */
export function idempotentCommandId(actorId: string, idempotencyKey: string): string {
  return derivedUuid('wattlog:actuator-command', actorId, idempotencyKey);
}

/** Both control streams: every event is caused by its actuator command; a reservation's id is derived, so a retried one is a no-op. */
export const COMMAND_EVENTS: StreamEvents<ActuatorCommandEvent> = {
  accepts: isActuatorCommandEvent,
  schemaVersion: CONTROL_SCHEMA_VERSION,
  causationId: (event) => event.data.commandId,
};

export const ACTUATOR_EVENTS: StreamEvents<ActuatorEvent> = {
  accepts: (event) => event.type === 'ActuatorReserved',
  schemaVersion: CONTROL_SCHEMA_VERSION,
  eventId: (event) => derivedUuid('wattlog:reserve', event.data.sensorId, event.data.commandId),
  causationId: (event) => event.data.commandId,
};
