/** A half-open span of epoch milliseconds, `[from, to)`. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** Sorted, non-overlapping, non-empty; touching spans are joined. */
export function normalize(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from || a.to - b.to);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.from <= last.to) out[out.length - 1] = { from: last.from, to: Math.max(last.to, span.to) };
    else out.push({ from: span.from, to: span.to });
  }
  return out;
}

export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const left = normalize(a);
  const right = normalize(b);
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const from = Math.max(left[i]!.from, right[j]!.from);
    const to = Math.min(left[i]!.to, right[j]!.to);
    if (to > from) out.push({ from, to });
    if (left[i]!.to < right[j]!.to) i += 1;
    else j += 1;
  }
  return out;
}

export function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  const cuts = normalize(b);
  const out: Span[] = [];
  for (const span of normalize(a)) {
    let from = span.from;
    for (const cut of cuts) {
      if (cut.to <= from || cut.from >= span.to) continue;
      if (cut.from > from) out.push({ from, to: cut.from });
      from = Math.max(from, cut.to);
    }
    if (from < span.to) out.push({ from, to: span.to });
  }
  return out;
}

export function totalLength(spans: readonly Span[]): number {
  return spans.reduce((sum, s) => sum + (s.to - s.from), 0);
}

export const MINUTE_MS = 60_000;
