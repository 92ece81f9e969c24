import type { Position as EsdbPosition } from '@eventstore/db-client';
import type { Position } from '../../../application/ports/event-store.port.js';

// uint64 has at most 20 decimal digits; padding to that width makes plain string order equal log order.
const WIDTH = 20;
const FORMAT = /^(\d{1,20})\/(\d{1,20})$/;
const MAX_UINT64 = (1n << 64n) - 1n;

/** A position is "<commit>/<prepare>", both zero-padded: the pair EventStoreDB orders $all by. */
export function encodeEsdbPosition(position: EsdbPosition): Position {
  return `${position.commit.toString().padStart(WIDTH, '0')}/${position.prepare.toString().padStart(WIDTH, '0')}`;
}

export function decodeEsdbPosition(position: Position): EsdbPosition {
  const match = FORMAT.exec(position);
  if (!match?.[1] || !match[2]) throw new RangeError(`not an EventStoreDB position: ${position}`);
  const commit = BigInt(match[1]);
  const prepare = BigInt(match[2]);
  if (commit > MAX_UINT64 || prepare > MAX_UINT64)
    throw new RangeError(`EventStoreDB position out of range: ${position}`);
  return { commit, prepare };
}

/** Log order: commit position first, then prepare position. */
export function compareEsdbPositions(a: EsdbPosition, b: EsdbPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
