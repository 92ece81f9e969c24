/** One data object of a telegram: `a-b:c.d.e(value)(value)…`. */
export interface ObisLine {
  /** Normalised `a-b:c.d.e` (leading zeros and a trailing `.255` dropped), e.g. `1-0:1.8.1`. */
  readonly obis: string;
  /** The `b` group: 0 for the meter itself, 1–4 for M-Bus devices (gas, water, heat). */
  readonly channel: number;
  readonly values: readonly string[];
}

export interface ObisLines {
  readonly lines: readonly ObisLine[];
  /** Lines that are neither a data object nor a continuation (tolerated: meters add vendor lines). */
  readonly ignored: number;
}

const DATA_OBJECT = /^(\d{1,3})-(\d{1,3}):(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\.255)?((?:\([^()]*\))+)$/;
/** DSMR 2.2/3.0 put the gas reading on the line after `0-n:24.3.0(…)`, as a bare `(00123.456)`. */
const CONTINUATION = /^((?:\([^()]*\))+)$/;
const VALUE = /\(([^()]*)\)/g;

function valuesOf(groups: string): string[] {
  return [...groups.matchAll(VALUE)].map((match) => match[1] ?? '');
}

/** The data objects of a telegram body (header and '!' line are skipped), in telegram order. */
export function parseObisLines(body: string): ObisLines {
  const lines: { obis: string; channel: number; values: string[] }[] = [];
  let ignored = 0;
  for (const raw of body.split(/\r\n|\r|\n/).slice(1)) {
    const text = raw.trim();
    if (text === '' || text === '!') continue;
    const object = DATA_OBJECT.exec(text);
    if (object) {
      const [a, b, c, d, e] = object.slice(1, 6).map(Number) as [number, number, number, number, number];
      lines.push({ obis: `${a}-${b}:${c}.${d}.${e}`, channel: b, values: valuesOf(object[6] ?? '') });
      continue;
    }
    const continuation = CONTINUATION.exec(text);
    const previous = lines[lines.length - 1];
    if (continuation && previous) previous.values.push(...valuesOf(continuation[1] ?? ''));
    else ignored++;
  }
  return { lines, ignored };
}
