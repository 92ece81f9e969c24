import { InvalidArgumentError } from 'commander';
import { positiveInt, positiveNumber } from './cli-options.js';

describe('CLI option parsers', () => {
  it('accept positive values', () => {
    expect(positiveInt('5000')).toBe(5000);
    expect(positiveNumber('2.5')).toBe(2.5);
  });

  it('refuse anything else with a clear message', () => {
    for (const bad of ['0', '-3', '12abc', '1.5', '', 'lots'])
      expect(() => positiveInt(bad)).toThrow(InvalidArgumentError);
    for (const bad of ['0', '-1', 'x', '']) expect(() => positiveNumber(bad)).toThrow(/expected a positive number/);
  });
});
