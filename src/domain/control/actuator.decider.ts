import type { ActuatorEvent } from './actuator-command.events.js';
import { ActuatorBusyError } from './actuator-command.errors.js';
import { type Decider } from '../shared/decider.js';

export type ReserveActuator = {
  readonly type: 'ReserveActuator';
  readonly data: {
    readonly sensorId: string;
    readonly commandId: string;
    /** Whether the command currently holding the actuator has an outcome; null when none ever held it. */
    readonly holderFinished: boolean | null;
    readonly at: string;
  };
};

export interface ActuatorState {
  readonly holder: string | null;
}

const initialState = (): ActuatorState => ({ holder: null });

function evolve(_state: ActuatorState, event: ActuatorEvent): ActuatorState {
  return { holder: event.data.commandId };
}

/**
 * One command at a time per actuator: a new one is accepted only when the holder has an outcome. Two requests that
 * both find it free race on the stream's expected revision, so exactly one of them reserves it.
 */
function decide(command: ReserveActuator, state: ActuatorState): ActuatorEvent[] {
  const { data } = command;
  if (state.holder === data.commandId) return [];
  if (state.holder !== null && data.holderFinished === false) throw new ActuatorBusyError(data.sensorId, state.holder);
  return [
    { type: 'ActuatorReserved', data: { sensorId: data.sensorId, commandId: data.commandId, reservedAt: data.at } },
  ];
}

export const actuatorDecider: Decider<ActuatorState, ReserveActuator, ActuatorEvent> = { decide, evolve, initialState };
