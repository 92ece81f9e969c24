/**
 * A deterministic stream of uniform numbers in [0, 1) from a seed string: FNV-1a (32-bit) of the seed starts a
 * mulberry32 generator. Not for secrets; it spreads start times of many resources (UG §7.3 randomizeStart) so that
 * the same resource and event always get the same shift, across restarts and replays.
 */
export function seededRandom(seed: string): () => number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  let state = hash >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number of milliseconds, uniform in [-bound, +bound]. */
export function symmetricOffset(random: () => number, boundMs: number): number {
  const bound = Math.abs(boundMs);
  if (bound === 0) return 0;
  return Math.round((random() * 2 - 1) * bound);
}
