import { ErrorType, WrongExpectedVersionError } from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
  type ExpectedRevision,
} from '../../../application/ports/event-store.port.js';

// The server is down, restarting, not the leader, or too slow: all mean "try again later" to our callers.
const UNAVAILABLE_TYPES = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
]);
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

export function isStreamNotFound(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === ErrorType.STREAM_NOT_FOUND;
}

/** Client errors in our port's terms; anything unrecognised passes through unchanged. */
export function mapEsdbError(error: unknown, context: { stream?: string; expected?: ExpectedRevision } = {}): unknown {
  if (error instanceof WrongExpectedVersionError && context.stream !== undefined && context.expected !== undefined) {
    const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : 'no_stream';
    return new WrongExpectedRevisionError(context.stream, context.expected, actual);
  }
  const shape = error as { type?: unknown; code?: unknown; message?: unknown } | null;
  if (
    (typeof shape?.type === 'string' && UNAVAILABLE_TYPES.has(shape.type)) ||
    shape?.code === GRPC_UNAVAILABLE ||
    shape?.code === GRPC_DEADLINE_EXCEEDED
  ) {
    return new EventStoreUnavailableError(`EventStoreDB unavailable: ${String(shape?.message ?? error)}`, {
      cause: error,
    });
  }
  return error;
}
