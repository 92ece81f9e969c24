import { aDayAheadPriceSignal } from '#test/builders/market.js';
import { InvalidMarketInputError } from './market.errors.js';
import { gridSignalContent, isZeroedGridSignal, programContent, subscriptionContent } from './openadr-objects.js';

describe('OpenADR request bodies', () => {
  it('keeps what the schema defines, drops unknown and VTN-provisioned properties and nulls', () => {
    expect(
      programContent({
        programName: 'tou',
        id: 'mine',
        createdDateTime: '2020-01-01T00:00:00Z',
        objectType: 'EVENT',
        targets: null,
        colour: 'blue',
        attributes: [{ type: 'PROGRAM_TYPE', values: ['PRICING_TARIFF'] }],
      }),
    ).toEqual({ programName: 'tou', attributes: [{ type: 'PROGRAM_TYPE', values: ['PRICING_TARIFF'] }] });
  });

  it('takes a day-ahead event of 96 values, negative prices included', () => {
    const content = aDayAheadPriceSignal('p-1', 96);
    expect(gridSignalContent(content)).toEqual(content);
    expect(
      gridSignalContent({ programID: 'p', intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: [-0.05] }] }] }),
    ).toMatchObject({ intervals: [{ payloads: [{ values: [-0.05] }] }] });
  });

  it.each([
    [{}, /programID/],
    [{ programID: 'a b' }, /programID must match/],
    [{ programID: 'p', duration: 'PT1X' }, /duration must be an ISO 8601 duration/],
    [{ programID: 'p', intervalPeriod: { start: 'tomorrow' } }, /intervalPeriod.start must be an RFC 3339/],
    [{ programID: 'p', priority: -1 }, /priority must be an integer/],
    [{ programID: 'p', intervals: [{ id: 1.5, payloads: [] }] }, /intervals\[0\].id must be an integer/],
    [{ programID: 'p', intervals: [{ id: 1, payloads: [{ type: '', values: [] }] }] }, /type must be 1 to 128/],
    [{ programID: 'p', payloadDescriptors: [{ objectType: 'X', payloadType: 'PRICE' }] }, /objectType must be/],
    [
      { programID: 'p', intervals: Array.from({ length: 2000 }, (_, id) => ({ id, payloads: [] })) },
      /at most 1000 items/,
    ],
  ])('refuses %j', (body, message) => {
    expect(() => gridSignalContent(body)).toThrow(InvalidMarketInputError);
    expect(() => gridSignalContent(body)).toThrow(message);
  });

  it('refuses a body that is not an object, and a subscription without callbacks', () => {
    expect(() => programContent([])).toThrow(/body must be an object/);
    expect(() => subscriptionContent({ clientName: 'c' })).toThrow(/objectOperations must be an array/);
    expect(() =>
      subscriptionContent({
        clientName: 'c',
        objectOperations: [{ objects: ['EVENTS'], operations: ['POST'], callbackUrl: 'nope' }],
      }),
    ).toThrow(/objects\[0\] must be one of.*operations\[0\] must be one of.*callbackUrl must be an absolute URI/);
  });

  it('knows a zeroed event: start 0001-01-01, duration PT0S', () => {
    expect(isZeroedGridSignal({ programID: 'p', intervalPeriod: { start: '0001-01-01', duration: 'PT0S' } })).toBe(
      true,
    );
    expect(
      isZeroedGridSignal({ programID: 'p', intervalPeriod: { start: '0001-01-01T00:00:00', duration: 'P0D' } }),
    ).toBe(true);
    expect(isZeroedGridSignal({ programID: 'p', intervalPeriod: { start: '0001-01-01', duration: 'P9999Y' } })).toBe(
      false,
    );
  });
});
