import { signalConcerns, signalKindOf } from './participant-signals.js';

const participant = {
  venName: 'site-1',
  venTargets: ['group:north'],
  resources: [{ resourceName: 'plug-1', targets: ['zone:nl'] }],
};

describe('participant signals', () => {
  it('names the kind of each payload type an owner is shown', () => {
    expect(
      [
        'PRICE',
        'EXPORT_PRICE',
        'SIMPLE',
        'ALERT_GRID_EMERGENCY',
        'ALERT_FREEZING',
        'X_TEMPERATURE_FORECAST',
        'GHG',
        'X_OTHER',
      ].map(signalKindOf),
    ).toEqual(['price', 'price', 'demand_response', 'alert', 'weather', 'weather', 'emissions', 'other']);
  });

  it('a signal without targets concerns every participant; with targets, only one holding one of them', () => {
    expect(signalConcerns(undefined, participant)).toBe(true);
    expect(signalConcerns([], participant)).toBe(true);
    expect(signalConcerns(['group:north'], participant)).toBe(true);
    expect(signalConcerns(['zone:nl'], participant)).toBe(true);
    expect(signalConcerns(['ven:site-1'], participant)).toBe(true);
    expect(signalConcerns(['resource:plug-1'], participant)).toBe(true);
    expect(signalConcerns(['group:south', 'ven:site-2'], participant)).toBe(false);
  });
});
