import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type EventStoreDBClient,
  type Position as EsdbPosition,
  type ReadPosition,
} from '@eventstore/db-client';
import type { AllFilter, Position } from '../../../application/ports/event-store.port.js';
import { mapEsdbError } from './esdb-errors.js';
import { isSystemEventType, planFilter } from './esdb-filter.js';
import { compareEsdbPositions, decodeEsdbPosition, encodeEsdbPosition } from './esdb-position.js';
import { consume } from './esdb-read.js';

/** countEventsAfter stops counting here: it feeds lag metrics, where "at least this many" is enough. */
export const COUNT_AFTER_CAP = 100_000;
const COUNT_PAGE = 4096;
const HEAD_PAGE = 32;

/** Newest non-system event; pages backwards past system events (the server writes its own, e.g. stats). */
export async function readHeadPosition(client: EventStoreDBClient): Promise<Position | null> {
  let from: ReadPosition = END;
  try {
    for (;;) {
      let seen = 0;
      let found: EsdbPosition | undefined;
      let oldest: EsdbPosition | undefined;
      const before = from === END ? undefined : (from as EsdbPosition);
      await consume(client.readAll({ fromPosition: from, maxCount: HEAD_PAGE, direction: BACKWARDS }), (resolved) => {
        seen += 1;
        const event = resolved.event;
        if (!event?.position) return true;
        oldest = event.position;
        if (before && compareEsdbPositions(event.position, before) >= 0) return true;
        if (isSystemEventType(event.type)) return true;
        found = event.position;
        return false;
      });
      if (found) return encodeEsdbPosition(found);
      if (seen < HEAD_PAGE || !oldest) return null;
      from = oldest;
    }
  } catch (error) {
    throw mapEsdbError(error);
  }
}

/**
 * Counts non-system events after `after` by reading them, up to COUNT_AFTER_CAP: ESDB has no cheap count over
 * $all. Approximate by contract (events may land while it counts) and capped by design.
 */
export async function countEventsAfter(
  client: EventStoreDBClient,
  after: Position | null,
  filter?: AllFilter,
): Promise<number> {
  const plan = planFilter(filter);
  let from = after ? decodeEsdbPosition(after) : undefined;
  let count = 0;
  try {
    for (;;) {
      let seen = 0;
      let last: EsdbPosition | undefined;
      const exclusive = from;
      await consume(
        client.readAll({ fromPosition: from ?? START, maxCount: COUNT_PAGE, direction: FORWARDS }),
        (resolved) => {
          seen += 1;
          const event = resolved.event;
          if (!event?.position) return true;
          last = event.position;
          if (exclusive && compareEsdbPositions(event.position, exclusive) <= 0) return true;
          if (plan.accepts(event)) count += 1;
          return count < COUNT_AFTER_CAP;
        },
      );
      if (count >= COUNT_AFTER_CAP) return COUNT_AFTER_CAP;
      if (seen < COUNT_PAGE || !last) return count;
      from = last;
    }
  } catch (error) {
    throw mapEsdbError(error);
  }
}
