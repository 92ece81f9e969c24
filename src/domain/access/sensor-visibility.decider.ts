import { InvalidVisibilityError } from './access.errors.js';
import type { DomainEvent } from '../shared/event.js';
import { type Decider } from '../shared/decider.js';

/**
 * `private`: owner and admins only, grants ignored. `shared` (the default): visible through grants.
 * `public_aggregate`: every authenticated principal may read its 15m/1h/1d buckets, never raw or latest values.
 */
export const SENSOR_VISIBILITIES = ['private', 'shared', 'public_aggregate'] as const;
export type SensorVisibility = (typeof SENSOR_VISIBILITIES)[number];
export const DEFAULT_VISIBILITY: SensorVisibility = 'shared';

export type SensorVisibilityChanged = DomainEvent<
  'SensorVisibilityChanged',
  {
    readonly sensorId: string;
    readonly gatewayId: string;
    readonly visibility: SensorVisibility;
    readonly previous: SensorVisibility;
    readonly changedBy: string;
    readonly at: string;
  }
>;

export const SENSOR_VISIBILITY_CHANGED = 'SensorVisibilityChanged' as const;

export type VisibilityCommand = {
  readonly type: 'ChangeSensorVisibility';
  readonly data: {
    readonly sensorId: string;
    readonly gatewayId: string;
    readonly visibility: string;
    readonly changedBy: string;
    readonly at: string;
  };
};

export function isSensorVisibility(value: string): value is SensorVisibility {
  return (SENSOR_VISIBILITIES as readonly string[]).includes(value);
}

function evolve(_: SensorVisibility, event: SensorVisibilityChanged): SensorVisibility {
  return event.data.visibility;
}

function decide(command: VisibilityCommand, current: SensorVisibility): SensorVisibilityChanged[] {
  const { data } = command;
  if (!isSensorVisibility(data.visibility)) throw new InvalidVisibilityError(data.visibility);
  if (data.visibility === current) return [];
  return [
    {
      type: SENSOR_VISIBILITY_CHANGED,
      data: {
        sensorId: data.sensorId,
        gatewayId: data.gatewayId,
        visibility: data.visibility,
        previous: current,
        changedBy: data.changedBy,
        at: data.at,
      },
    },
  ];
}

const initialState = (): SensorVisibility => DEFAULT_VISIBILITY;

export const sensorVisibilityDecider: Decider<SensorVisibility, VisibilityCommand, SensorVisibilityChanged> = {
  decide,
  evolve,
  initialState,
};
