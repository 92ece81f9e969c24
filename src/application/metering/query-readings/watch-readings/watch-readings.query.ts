import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../domain/access/principal.js';
import type { LiveReadingFeed } from './live-reading-feed.js';

export const MAX_WATCHED_SENSORS = 500;

/**
 * Resolves to a live feed of the sensors' canonical readings stored from now on, or, with `resumeAfter` (a log
 * position a previous feed reported), from just after that event; the caller must close it.
 */
export class WatchReadings extends Query<LiveReadingFeed> {
  constructor(
    readonly principal: Principal,
    readonly sensorIds: readonly string[],
    readonly resumeAfter: string | null = null,
  ) {
    super();
  }
}
