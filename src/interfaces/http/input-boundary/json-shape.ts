import type { InputLimits } from './input-limits.js';

/** Where a body's JSON text goes beyond the limits: what was exceeded and after how many characters. */
export interface ShapeExcess {
  readonly limit: 'depth' | 'keys' | 'items';
  readonly at: number;
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * One pass over the JSON text, before it is parsed: nesting depth, members per object and items per array. A
 * 10,000-deep or 50,000-member body is refused after reading up to the first excess, without building the
 * value (and without recursion: the depth is a counter and the containers an array). Strings are skipped; the text
 * need not be valid JSON here, JSON.parse judges that afterwards.
 */
export function jsonShapeExcess(text: string, limits: InputLimits): ShapeExcess | null {
  // Per open container: whether it is an object, and how many elements it has begun.
  const isObject: boolean[] = [];
  const counts: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    switch (c) {
      case QUOTE:
        inString = true;
        break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (isObject.length >= limits.maxDepth) return { limit: 'depth', at: i };
        isObject.push(c === OPEN_OBJECT);
        counts.push(1);
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        isObject.pop();
        counts.pop();
        break;
      case COMMA: {
        const top = counts.length - 1;
        if (top < 0) break;
        const count = (counts[top] ?? 0) + 1;
        counts[top] = count;
        if (isObject[top] === true ? count > limits.maxKeys : count > limits.maxItems)
          return { limit: isObject[top] === true ? 'keys' : 'items', at: i };
        break;
      }
      default:
        break;
    }
  }
  return null;
}
