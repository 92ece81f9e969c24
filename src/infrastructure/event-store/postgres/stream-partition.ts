import type { StreamPartition } from '../../../application/ports/event-store.port.js';

/**
 * The SQL condition for a stream partition: Postgres's own text hash of the stream name, made non-negative, modulo
 * the partition count. Only whole numbers enter the text, checked here, so it is safe to inline.
 */
export function partitionClause({ count, index }: StreamPartition): string {
  if (!Number.isInteger(count) || !Number.isInteger(index) || count < 1 || index < 0 || index >= count)
    throw new RangeError(`not a stream partition: ${index} of ${count}`);
  return `(hashtext(stream) & 2147483647) % ${count} = ${index}`;
}
