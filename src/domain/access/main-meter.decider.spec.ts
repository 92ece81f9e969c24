import { DeciderSpecification } from '#test/support/decider-spec.js';
import { InvalidMainMeterError } from './access.errors.js';
import { mainMeterDecider, type MainMeterChosen, type MainMeterCommand } from './main-meter.decider.js';

const given = DeciderSpecification.for(mainMeterDecider);
const AT = '2026-01-01T10:00:00.000Z';
const choose = (sensorId: string | null, quantity: string | null = 'power'): MainMeterCommand => ({
  type: 'ChooseMainMeter',
  data: { actorId: 'user:u1', sensorId, quantity, at: AT },
});
const chosen = (sensorId: string | null, previous: string | null): MainMeterChosen => ({
  type: 'MainMeterChosen',
  data: { actorId: 'user:u1', sensorId, previous, at: AT },
});

describe('main meter decider', () => {
  it('Given none, When a power sensor is chosen, Then MainMeterChosen; choosing it again records nothing', () => {
    given()
      .when(choose('dsmr:p1/power'))
      .then([chosen('dsmr:p1/power', null)]);
    given(chosen('dsmr:p1/power', null)).when(choose('dsmr:p1/power')).then([]);
  });

  it('Given one, When another or none is chosen, Then the change names the one before', () => {
    given(chosen('a/power', null))
      .when(choose('b/power'))
      .then([chosen('b/power', 'a/power')]);
    given(chosen('a/power', null))
      .when(choose(null, null))
      .then([chosen(null, 'a/power')]);
    given().when(choose(null, null)).then([]);
  });

  it('Given anything, When a sensor that does not measure power is chosen, Then it throws', () => {
    given().when(choose('plug/1/switchState', 'switchState')).thenThrows(InvalidMainMeterError);
    given().when(choose('new/power', null)).thenThrows(InvalidMainMeterError);
  });
});
