import type { InputLimits } from './input-limits.js';
import { isStorableText } from './storable-text.js';

/** The first thing in a request's parsed input the API refuses before any DTO sees it. */
export type InputRefusal =
  | { readonly kind: 'unstorable'; readonly field: string }
  | { readonly kind: 'prototype'; readonly field: string }
  | {
      readonly kind: 'stringLength' | 'keys' | 'items' | 'depth';
      readonly field: string;
    };

function join(parent: string, key: string): string {
  const shown = key.length > 64 ? `${key.slice(0, 64)}…` : key;
  return parent ? `${parent}.${shown}` : shown;
}

/**
 * Walks a parsed body, query or set of path parameters (an explicit stack, no recursion) and answers the first
 * refusal: a string or key Postgres cannot store, a string over the length limit, an object or array over its
 * limits, a `__proto__` key or a `constructor.prototype` (prototype pollution once merged into another object).
 * `root` names the input in the answer (`query`, `path`; empty for a body, whose fields are named as in DTO errors).
 */
export function inspectInput(value: unknown, limits: InputLimits, root = ''): InputRefusal | null {
  const stack: { value: unknown; field: string; depth: number }[] = [{ value, field: root, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, field, depth } = next;
    if (typeof current === 'string') {
      if (current.length > limits.maxStringLength) return { kind: 'stringLength', field };
      if (!isStorableText(current)) return { kind: 'unstorable', field };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limits.maxDepth) return { kind: 'depth', field };
    if (Array.isArray(current)) {
      if (current.length > limits.maxItems) return { kind: 'items', field };
      for (let i = current.length - 1; i >= 0; i--)
        stack.push({
          value: current[i],
          field: join(field, String(i)),
          depth: depth + 1,
        });
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > limits.maxKeys) return { kind: 'keys', field };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const member = (current as Record<string, unknown>)[key];
      const path = join(field, key);
      if (key === '__proto__') return { kind: 'prototype', field: path };
      if (key === 'constructor' && typeof member === 'object' && member !== null && Object.hasOwn(member, 'prototype'))
        return { kind: 'prototype', field: path };
      if (key.length > limits.maxStringLength) return { kind: 'stringLength', field };
      if (!isStorableText(key)) return { kind: 'unstorable', field: join(field, '?') };
      stack.push({ value: member, field: path, depth: depth + 1 });
    }
  }
  return null;
}
