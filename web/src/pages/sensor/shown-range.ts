/** The shown range: a preset or relative length ending now, or a custom from–to (ms). */
export type ShownRange = { key: string; ms: number } | { key: 'custom'; from: number; to: number };
