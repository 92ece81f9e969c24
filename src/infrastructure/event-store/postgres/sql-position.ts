import type { Position } from '../../../application/ports/event-store.port.js';

/** A position is "<transaction id>:<sequence>", the commit-safe order of the events table. */
export interface SqlPosition {
  readonly transactionId: string;
  readonly sequence: string;
}

const FORMAT = /^(\d{1,20}):(\d{1,20})$/;

export function encodeSqlPosition(transactionId: string, sequence: string): Position {
  return `${transactionId}:${sequence}`;
}

export function decodeSqlPosition(position: Position): SqlPosition {
  const match = FORMAT.exec(position);
  if (!match?.[1] || !match[2]) throw new RangeError(`not a postgres event store position: ${position}`);
  return { transactionId: match[1], sequence: match[2] };
}
