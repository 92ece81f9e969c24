import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SENSOR_ACCESS_POLICY, type SensorAccessPolicy } from '../access/sensor-access.port.js';
import { scopeAdmits } from '../access/sensor-scope.js';
import { InvalidReadingQueryError } from '../reading-query.errors.js';
import type { LiveReadingFeed } from './live-reading-feed.js';
import { LiveReadingsHub } from './live-readings-hub.js';
import { MAX_WATCHED_SENSORS, WatchReadings } from './watch-readings.query.js';

@QueryHandler(WatchReadings)
export class WatchReadingsHandler implements IQueryHandler<WatchReadings, LiveReadingFeed> {
  constructor(
    private readonly hub: LiveReadingsHub,
    @Inject(SENSOR_ACCESS_POLICY) private readonly access: SensorAccessPolicy,
  ) {}

  async execute({ viewer, sensorIds }: WatchReadings): Promise<LiveReadingFeed> {
    const wanted = new Set(sensorIds);
    if (wanted.size === 0) throw new InvalidReadingQueryError('at least one sensor is required');
    if (wanted.size > MAX_WATCHED_SENSORS) {
      throw new InvalidReadingQueryError(`at most ${MAX_WATCHED_SENSORS} sensors per stream; got ${wanted.size}`);
    }
    const scope = await this.access.scopeFor(viewer);
    return this.hub.join((reading) => wanted.has(reading.sensorId) && scopeAdmits(scope, reading));
  }
}
