import { isLoadHoldEvent, type LoadHoldEvent } from '../../domain/automation/load-hold.events.js';
import type { StreamEvents } from '../shared/decider-command.js';

export const LOAD_HOLD_STREAM_PREFIX = 'load-hold-';

/** One stream per plug (its actuator sensor id): appends at its revision serialize every hold on that plug. */
export function loadHoldStream(sensorId: string): string {
  return `${LOAD_HOLD_STREAM_PREFIX}${sensorId}`;
}

export const LOAD_HOLD_EVENTS: StreamEvents<LoadHoldEvent> = { accepts: isLoadHoldEvent, schemaVersion: 1 };
