import { INPUT_LIMITS } from './input-limits.js';
import { inspectInput } from './inspect-input.js';

const limits = { ...INPUT_LIMITS, maxStringLength: 8, maxKeys: 3, maxItems: 2, maxDepth: 3 };

describe('inspectInput', () => {
  it('passes storable, bounded input', () => {
    expect(inspectInput({ a: ['x', 1], b: { c: null, d: 'héllo' }, e: '\ud83d\ude00' }, limits)).toBeNull();
  });

  it('names the field holding text Postgres cannot store', () => {
    expect(inspectInput({ grantee: { kind: 'user', id: 'a\u0000b' } }, limits)).toEqual({
      kind: 'unstorable',
      field: 'grantee.id',
    });
    expect(inspectInput({ name: 'x\ud800' }, limits)).toEqual({ kind: 'unstorable', field: 'name' });
    expect(inspectInput({ gateway: ['ok', '\udc00'] }, limits, 'query')).toEqual({
      kind: 'unstorable',
      field: 'query.gateway.1',
    });
    expect(inspectInput({ 'k\u0000': 1 }, limits)).toEqual({ kind: 'unstorable', field: '?' });
  });

  it('refuses prototype keys', () => {
    expect(inspectInput(JSON.parse('{"a":{"__proto__":{"x":1}}}'), limits)).toEqual({
      kind: 'prototype',
      field: 'a.__proto__',
    });
    expect(inspectInput(JSON.parse('{"constructor":{"prototype":{}}}'), limits)).toEqual({
      kind: 'prototype',
      field: 'constructor',
    });
    expect(inspectInput({ constructor: 'a name' }, INPUT_LIMITS)).toBeNull();
  });

  it('refuses strings, objects, lists and nesting past the limits', () => {
    expect(inspectInput({ a: '123456789' }, limits)).toEqual({ kind: 'stringLength', field: 'a' });
    expect(inspectInput({ a: 1, b: 2, c: 3, d: 4 }, limits)).toEqual({ kind: 'keys', field: '' });
    expect(inspectInput({ a: [1, 2, 3] }, limits)).toEqual({ kind: 'items', field: 'a' });
    expect(inspectInput({ a: { b: { c: {} } } }, limits)).toEqual({ kind: 'depth', field: 'a.b.c' });
  });
});
