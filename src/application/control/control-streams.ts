import { createHash, randomUUID } from 'node:crypto';
import { fold, type ActuatorCommandState } from '../../domain/control/actuator-command.decider.js';
import { isActuatorCommandEvent, type ActuatorCommandEvent, type ActuatorEvent } from '../../domain/control/actuator-command.events.js';
import { foldActuator, type ActuatorState } from '../../domain/control/actuator.decider.js';
import type { EventMetadata } from '../../domain/shared/event.js';
import type { EventStore, NewEvent } from '../ports/event-store.port.js';

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

export interface ControlMetadata {
  readonly actorId: string;
  readonly correlationId: string;
}

export interface Loaded<S> {
  readonly state: S;
  readonly revision: number | 'no_stream';
}

export async function loadCommand(store: EventStore, commandId: string): Promise<Loaded<ActuatorCommandState>> {
  const recorded = await store.readStream(commandStream(commandId));
  const events = recorded.filter(isActuatorCommandEvent).map((e) => ({ type: e.type, data: e.data }) as ActuatorCommandEvent);
  return { state: fold(events), revision: recorded.at(-1)?.revision ?? 'no_stream' };
}

export async function loadActuator(store: EventStore, sensorId: string): Promise<Loaded<ActuatorState>> {
  const recorded = await store.readStream(actuatorStream(sensorId));
  const events = recorded.filter((e) => e.type === 'ActuatorReserved').map((e) => ({ type: e.type, data: e.data }) as ActuatorEvent);
  return { state: foldActuator(events), revision: recorded.at(-1)?.revision ?? 'no_stream' };
}

/** Event ids derived from the command and the event type, so a retried append of the same step is a no-op. */
export function toControlEvents(events: readonly (ActuatorCommandEvent | ActuatorEvent)[], commandId: string, metadata: ControlMetadata): NewEvent[] {
  return events.map((event) => ({
    id: event.type === 'ActuatorReserved' ? derivedUuid('wattlog:reserve', event.data.sensorId, commandId) : randomUUID(),
    type: event.type,
    data: event.data,
    metadata: { ...metadata, causationId: commandId, schemaVersion: CONTROL_SCHEMA_VERSION } satisfies EventMetadata,
  }));
}
