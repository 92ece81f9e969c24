import type { SwitchState } from '../../../domain/control/actuator-command.events.js';

export interface SwitchableSensor {
  readonly sensorId: string;
  readonly gatewayId: string;
  readonly nodeId: string;
  /** The protocol module that decoded its readings (`zigbee`, `zigbee2mqtt`, …). */
  readonly protocol: string;
  readonly quantity: string;
}

export interface ReportedSwitchState {
  readonly state: SwitchState;
  readonly measuredAt: string;
  readonly receivedAt: string;
}

/** Where a sensor lives and what it last reported, from the readings read models. */
export interface ActuatorDirectory {
  find(sensorId: string): Promise<SwitchableSensor | null>;
  latestState(sensorId: string): Promise<ReportedSwitchState | null>;
}

export const ACTUATOR_DIRECTORY = Symbol('ActuatorDirectory');
