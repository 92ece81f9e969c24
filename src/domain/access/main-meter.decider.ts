import { InvalidMainMeterError } from './access.errors.js';
import type { DomainEvent } from '../shared/event.js';
import type { Decider } from '../shared/decider.js';

/**
 * The power sensor a person reads as their home's total (the grid meter): the Now page subtracts their sub-meters
 * from it to show what no sub-meter accounts for. Null: none chosen (the page then takes a DSMR P1 meter if any).
 */
export type MainMeterChosen = DomainEvent<
  'MainMeterChosen',
  {
    readonly actorId: string;
    readonly sensorId: string | null;
    readonly previous: string | null;
    readonly at: string;
  }
>;

export const MAIN_METER_CHOSEN = 'MainMeterChosen' as const;

export type MainMeterCommand = {
  readonly type: 'ChooseMainMeter';
  readonly data: {
    readonly actorId: string;
    readonly sensorId: string | null;
    /** What the sensor measures (from the read side); only a power sensor can be the main meter. */
    readonly quantity: string | null;
    readonly at: string;
  };
};

function decide(command: MainMeterCommand, current: string | null): MainMeterChosen[] {
  const { data } = command;
  if (data.sensorId !== null && data.quantity !== 'power')
    throw new InvalidMainMeterError(
      `must measure power; ${data.sensorId.slice(0, 80)} measures ${data.quantity ?? 'nothing yet'}`,
    );
  if (data.sensorId === current) return [];
  return [
    {
      type: MAIN_METER_CHOSEN,
      data: { actorId: data.actorId, sensorId: data.sensorId, previous: current, at: data.at },
    },
  ];
}

export const mainMeterDecider: Decider<string | null, MainMeterCommand, MainMeterChosen> = {
  decide,
  evolve: (_current, event) => event.data.sensorId,
  initialState: () => null,
};
