import { EVENT_TYPE, STREAM_NAME } from '@eventstore/db-client';
import { exactTypesRegex, planFilter } from './esdb-filter.js';

const event = (type: string, streamId = 'gateway-1') => ({ type, streamId });

describe('EventStoreDB filter plan', () => {
  it('matches exact type names only, whatever characters they hold', () => {
    const pattern = new RegExp(exactTypesRegex(['Meter.Read+v2', 'a|b', '(x)', 'Plain']));
    for (const type of ['Meter.Read+v2', 'a|b', '(x)', 'Plain']) expect(pattern.test(type)).toBe(true);
    for (const type of ['MeterXRead+v2', 'Meter.Readv2', 'a', 'b', 'x', 'Plain2', 'APlain'])
      expect(pattern.test(type)).toBe(false);
  });

  it('sends stream prefixes to the server when given and checks types itself', () => {
    const plan = planFilter({ types: ['A'], streamPrefixes: ['gateway-'] });
    expect(plan.server).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['gateway-'] });
    expect(plan.accepts(event('A'))).toBe(true);
    expect(plan.accepts(event('B'))).toBe(false);
    expect(plan.accepts(event('A', 'node-1'))).toBe(false);
  });

  it('accepts each stream in exactly one partition, the same one every time, and spreads streams over all of them', () => {
    const plans = [0, 1, 2].map((index) => planFilter({ types: ['A'], partition: { count: 3, index } }));
    const seen = [0, 0, 0];
    for (let i = 0; i < 60; i++) {
      const accepting = plans.flatMap((plan, index) => (plan.accepts(event('A', `gateway-${i}`)) ? [index] : []));
      expect(accepting).toHaveLength(1);
      expect(plans[accepting[0]!]!.accepts(event('A', `gateway-${i}`))).toBe(true);
      seen[accepting[0]!]! += 1;
    }
    expect(seen.every((n) => n > 5)).toBe(true);
    expect(plans.some((plan) => plan.accepts(event('B', 'gateway-1')))).toBe(false);
  });

  it('sends an anchored type regex when only types are given', () => {
    const plan = planFilter({ types: ['A', 'B'] });
    expect(plan.server).toMatchObject({ filterOn: EVENT_TYPE, regex: '^(?:A|B)$' });
    expect(plan.accepts(event('B', 'anything'))).toBe(true);
  });

  it('always leaves out system events, with or without a filter', () => {
    const plan = planFilter(undefined);
    expect(plan.server).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    expect(plan.accepts(event('$statsCollected', '$stats-1'))).toBe(false);
    expect(plan.accepts(event('$metadata', 'gateway-1'))).toBe(false);
    expect(planFilter({ streamPrefixes: ['$'] }).accepts(event('$User', '$users'))).toBe(false);
    expect(plan.accepts(event('GatewayRegistered'))).toBe(true);
  });

  it('accepts nothing for an empty list, as the SQL stores do', () => {
    expect(planFilter({ types: [] }).accepts(event('A'))).toBe(false);
    expect(planFilter({ streamPrefixes: [] }).accepts(event('A'))).toBe(false);
  });
});
