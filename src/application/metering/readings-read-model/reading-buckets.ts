import type { Quantity } from '../../../domain/metering/canonical-reading.js';

/** Narrowest first; each width divides the next, so a wider bucket is exactly the narrower buckets inside it. */
export const BUCKET_WIDTHS = ['15m', '1h', '1d'] as const;
export type BucketWidth = (typeof BUCKET_WIDTHS)[number];

const WIDTH_MS: Readonly<Record<BucketWidth, number>> = {
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '1d': 24 * 60 * 60_000,
};

export function bucketWidthMs(width: BucketWidth): number {
  return WIDTH_MS[width];
}

/** Start (epoch ms, UTC) of the bucket holding `epochMs`; epoch-aligned, so a day starts at 00:00 UTC. */
export function bucketStartMs(epochMs: number, width: BucketWidth): number {
  const size = WIDTH_MS[width];
  return Math.floor(epochMs / size) * size;
}

/** Cumulative meters: their buckets hold consumption (delta), not value statistics. */
export function isCounter(quantity: Quantity): boolean {
  switch (quantity) {
    case 'energyImported':
    case 'energyExported':
    case 'gasVolume':
      return true;
    case 'power':
    case 'voltage':
    case 'current':
    case 'frequency':
    case 'temperature':
    case 'switchState':
      return false;
    default:
      return quantity satisfies never;
  }
}

/** Identity of a bucket row. */
export function bucketKey(sensorId: string, width: BucketWidth, startMs: number): string {
  return `${sensorId}\u0000${width}\u0000${startMs}`;
}
