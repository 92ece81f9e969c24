import { IsInt, IsString, Min, validate, type ValidationError } from 'class-validator';
import { memoizeValidationMetadata } from './memoized-validation-metadata.js';

class Base {
  @IsString()
  name!: unknown;
}

class Child extends Base {
  @IsInt()
  @Min(1)
  count!: unknown;
}

const failed = (errors: ValidationError[]): string[] =>
  errors.flatMap((e) => Object.keys(e.constraints ?? {}).map((c) => `${e.property}:${c}`)).sort();

describe('memoized class-validator metadata', () => {
  beforeAll(() => memoizeValidationMetadata());

  it('validates own and inherited rules as before, call after call', async () => {
    for (let i = 0; i < 3; i++) {
      expect(failed(await validate(Object.assign(new Child(), { name: 3, count: 0 })))).toEqual([
        'count:min',
        'name:isString',
      ]);
      expect(await validate(Object.assign(new Child(), { name: 'a', count: 2 }))).toEqual([]);
    }
  });

  it('sees a rule added after the first validation', async () => {
    class Late {
      value!: unknown;
    }
    expect(await validate(Object.assign(new Late(), { value: 'x' }), { forbidUnknownValues: false })).toEqual([]);
    IsInt()(Late.prototype, 'value');
    expect(failed(await validate(Object.assign(new Late(), { value: 'x' })))).toEqual(['value:isInt']);
  });

  it('keeps groups apart', async () => {
    class Grouped {
      @IsInt({ groups: ['strict'] })
      value!: unknown;
    }
    const value = Object.assign(new Grouped(), { value: 'x' });
    expect(failed(await validate(value, { groups: ['strict'] }))).toEqual(['value:isInt']);
    expect(await validate(value, { groups: ['loose'], forbidUnknownValues: false })).toEqual([]);
  });

  it('installs once however often it is asked', () => {
    memoizeValidationMetadata();
    memoizeValidationMetadata();
  });
});
