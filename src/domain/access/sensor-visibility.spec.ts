import { InvalidVisibilityError } from './access.errors.js';
import { decideVisibility, foldVisibility, type SensorVisibilityChanged, type VisibilityCommand } from './sensor-visibility.js';

const AT = '2025-03-01T10:00:00.000Z';
const change = (visibility: string): VisibilityCommand => ({
  type: 'ChangeSensorVisibility',
  data: { sensorId: 's-1', gatewayId: 'gw-1', visibility, changedBy: 'user:alice', at: AT },
});
const changed = (visibility: 'private' | 'shared' | 'public_aggregate', previous: 'private' | 'shared' | 'public_aggregate'): SensorVisibilityChanged => ({
  type: 'SensorVisibilityChanged',
  data: { sensorId: 's-1', gatewayId: 'gw-1', visibility, previous, changedBy: 'user:alice', at: AT },
});

describe('sensor visibility decider', () => {
  it('Given no change yet (shared), When made private, Then SensorVisibilityChanged from shared', () => {
    expect(decideVisibility(change('private'), foldVisibility([]))).toEqual([changed('private', 'shared')]);
  });

  it('Given a private sensor, When made public_aggregate, Then the previous value is private', () => {
    expect(decideVisibility(change('public_aggregate'), foldVisibility([changed('private', 'shared')]))).toEqual([changed('public_aggregate', 'private')]);
  });

  it('changes nothing when the visibility stays, and refuses unknown values', () => {
    expect(decideVisibility(change('shared'), foldVisibility([]))).toEqual([]);
    expect(() => decideVisibility(change('public'), 'shared')).toThrow(InvalidVisibilityError);
  });
});
