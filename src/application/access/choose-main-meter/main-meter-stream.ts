import { MAIN_METER_CHOSEN, type MainMeterChosen } from '../../../domain/access/main-meter.decider.js';
import type { StreamEvents } from '../../shared/decider-command.js';

export const MAIN_METER_STREAM_PREFIX = 'main-meter-';

/** One stream per caller (a user, an API client): its choice of main meter over time. */
export function mainMeterStream(actorId: string): string {
  return `${MAIN_METER_STREAM_PREFIX}${actorId}`;
}

export const MAIN_METER_EVENTS: StreamEvents<MainMeterChosen> = {
  accepts: (event) => event.type === MAIN_METER_CHOSEN,
  schemaVersion: 1,
};

/** A caller's main meter, as the API answers it. */
export interface MainMeter {
  /** Null: none chosen, or the chosen sensor is no longer one the caller may read. */
  readonly sensorId: string | null;
}
