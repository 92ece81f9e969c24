import { INPUT_LIMITS } from './input-limits.js';
import { jsonShapeExcess } from './json-shape.js';

const limits = { ...INPUT_LIMITS, maxDepth: 3, maxKeys: 2, maxItems: 3 };

describe('jsonShapeExcess', () => {
  it('lets shapes within the limits pass, whatever the strings hold', () => {
    expect(jsonShapeExcess('{"a":[1,2,3],"b":{"c":[]}}', limits)).toBeNull();
    expect(jsonShapeExcess('{"a":"[[[[,,,,{{{{\\"","b":1}', limits)).toBeNull();
    expect(jsonShapeExcess('[]', limits)).toBeNull();
  });

  it('stops at the first container past the depth, members or items limit', () => {
    expect(jsonShapeExcess('[[[[]]]]', limits)).toEqual({ limit: 'depth', at: 3 });
    expect(jsonShapeExcess('{"a":1,"b":2,"c":3}', limits)).toEqual({ limit: 'keys', at: 12 });
    expect(jsonShapeExcess('[1,2,3,4]', limits)).toEqual({ limit: 'items', at: 6 });
    expect(jsonShapeExcess('[{"a":1,"b":2},[1,2,3],{"a":[1,2,3]}]', limits)).toBeNull();
  });

  it('scans a 10,000-deep text without recursion', () => {
    expect(jsonShapeExcess('['.repeat(10_000) + ']'.repeat(10_000), INPUT_LIMITS)).toEqual({
      limit: 'depth',
      at: INPUT_LIMITS.maxDepth,
    });
  });
});
