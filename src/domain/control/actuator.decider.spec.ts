import { DeciderSpecification } from '#test/support/decider-spec.js';
import { ActuatorBusyError } from './actuator-command.errors.js';
import { actuatorDecider } from './actuator.decider.js';

const AT = '2024-05-01T10:00:00.000Z';
const given = DeciderSpecification.for(actuatorDecider);

describe('actuator decider', () => {
  const reserve = (commandId: string, holderFinished: boolean | null) =>
    ({ type: 'ReserveActuator', data: { sensorId: 's', commandId, holderFinished, at: AT } }) as const;
  const reserved = (commandId: string) =>
    ({ type: 'ActuatorReserved', data: { sensorId: 's', commandId, reservedAt: AT } }) as const;

  it('Given a free actuator, When reserved, Then ActuatorReserved', () => {
    given()
      .when(reserve('c1', null))
      .then([reserved('c1')]);
  });

  it('Given an actuator held by a command without outcome, When another reserves it, Then it throws busy', () => {
    given(reserved('c1')).when(reserve('c2', false)).thenThrows(ActuatorBusyError);
  });

  it('Given an actuator whose holder finished, When another reserves it, Then ActuatorReserved; the holder again: nothing', () => {
    given(reserved('c1'))
      .when(reserve('c2', true))
      .then([reserved('c2')]);
    given(reserved('c1')).when(reserve('c1', false)).then([]);
  });
});
