import { DeciderSpecification } from '#test/support/decider-spec.js';
import { InvalidVisibilityError } from './access.errors.js';
import {
  sensorVisibilityDecider,
  type SensorVisibilityChanged,
  type VisibilityCommand,
} from './sensor-visibility.decider.js';

const AT = '2025-03-01T10:00:00.000Z';
const given = DeciderSpecification.for(sensorVisibilityDecider);
const change = (visibility: string): VisibilityCommand => ({
  type: 'ChangeSensorVisibility',
  data: { sensorId: 's-1', gatewayId: 'gw-1', visibility, changedBy: 'user:alice', at: AT },
});
const changed = (
  visibility: 'private' | 'shared' | 'public_aggregate',
  previous: 'private' | 'shared' | 'public_aggregate',
): SensorVisibilityChanged => ({
  type: 'SensorVisibilityChanged',
  data: { sensorId: 's-1', gatewayId: 'gw-1', visibility, previous, changedBy: 'user:alice', at: AT },
});

describe('sensor visibility decider', () => {
  it('Given no change yet (shared), When made private, Then SensorVisibilityChanged from shared', () => {
    given()
      .when(change('private'))
      .then([changed('private', 'shared')]);
  });

  it('Given a private sensor, When made public_aggregate, Then the previous value is private', () => {
    given(changed('private', 'shared'))
      .when(change('public_aggregate'))
      .then([changed('public_aggregate', 'private')]);
  });

  it('changes nothing when the visibility stays, and refuses unknown values', () => {
    given().when(change('shared')).then([]);
    given().when(change('public')).thenThrows(InvalidVisibilityError);
  });

  it('Given a former owner made it public_aggregate, When the new owner chooses public_aggregate, Then it is recorded from shared', () => {
    const since = '2025-03-02T00:00:00.000Z';
    const later = { ...change('public_aggregate').data, at: '2025-03-03T00:00:00.000Z', ownedSince: since };
    given(changed('public_aggregate', 'shared'))
      .when({ type: 'ChangeSensorVisibility', data: later })
      .then([
        {
          type: 'SensorVisibilityChanged',
          data: { ...changed('public_aggregate', 'shared').data, at: later.at },
        },
      ]);
    given(changed('public_aggregate', 'shared'))
      .when({ type: 'ChangeSensorVisibility', data: { ...later, visibility: 'shared' } })
      .then([]);
  });
});
