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
    /**
     * When the current owner's period of the sensor's gateway began (null: it has no start). A choice made before
     * it was the previous owner's and counts no more: the sensor is back to the default (ADR 0030).
     */
    readonly ownedSince?: string | null;
  };
};

export function isSensorVisibility(value: string): value is SensorVisibility {
  return (SENSOR_VISIBILITIES as readonly string[]).includes(value);
}

/** The visibility chosen last, and when. */
export interface VisibilityState {
  readonly visibility: SensorVisibility;
  readonly at: string | null;
}

function evolve(_: VisibilityState, event: SensorVisibilityChanged): VisibilityState {
  return { visibility: event.data.visibility, at: event.data.at };
}

/** The visibility in force for the owner of the moment: a previous owner's choice ended with their ownership. */
export function visibilityInForce(state: VisibilityState, ownedSince: string | null | undefined): SensorVisibility {
  const chosenBefore =
    state.at !== null &&
    ownedSince !== undefined &&
    ownedSince !== null &&
    Date.parse(state.at) < Date.parse(ownedSince);
  return chosenBefore ? DEFAULT_VISIBILITY : state.visibility;
}

function decide(command: VisibilityCommand, state: VisibilityState): SensorVisibilityChanged[] {
  const { data } = command;
  if (!isSensorVisibility(data.visibility)) throw new InvalidVisibilityError(data.visibility);
  const current = visibilityInForce(state, data.ownedSince);
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

const initialState = (): VisibilityState => ({ visibility: DEFAULT_VISIBILITY, at: null });

export const sensorVisibilityDecider: Decider<VisibilityState, VisibilityCommand, SensorVisibilityChanged> = {
  decide,
  evolve,
  initialState,
};
