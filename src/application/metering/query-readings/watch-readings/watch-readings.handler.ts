import { Inject, Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCESS_POLICY, type AccessPolicy } from '../../../access/ports/access-policy.port.js';
import { CLOCK, type Clock } from '../../../ports/clock.port.js';
import { resolvedScopeAdmits, type ResolvedSensorScope } from '../../../access/sensor-scope/live-scope.js';
import { InvalidReadingQueryError } from '../reading-query.errors.js';
import type { LiveReadingFeed } from './live-reading-feed.js';
import { LiveReadingsHub } from './live-readings-hub.js';
import { MAX_WATCHED_SENSORS, WatchReadings } from './watch-readings.query.js';

/** How often an open stream re-reads its scope, so a revoke reaches it within this time. */
export const LIVE_SCOPE_REFRESH_MS = Symbol('LiveScopeRefreshMs');
export const DEFAULT_LIVE_SCOPE_REFRESH_MS = 1000;

@QueryHandler(WatchReadings)
export class WatchReadingsHandler implements IQueryHandler<WatchReadings, LiveReadingFeed> {
  private readonly refreshMs: number;

  constructor(
    private readonly hub: LiveReadingsHub,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(LIVE_SCOPE_REFRESH_MS) refreshMs?: number,
  ) {
    this.refreshMs = refreshMs ?? DEFAULT_LIVE_SCOPE_REFRESH_MS;
  }

  async execute({ principal, sensorIds, resumeAfter }: WatchReadings): Promise<LiveReadingFeed> {
    const wanted = new Set(sensorIds);
    if (wanted.size === 0) throw new InvalidReadingQueryError('at least one sensor is required');
    if (wanted.size > MAX_WATCHED_SENSORS) {
      throw new InvalidReadingQueryError(`at most ${MAX_WATCHED_SENSORS} sensors per stream; got ${wanted.size}`);
    }
    const ids = [...wanted];
    let scope: ResolvedSensorScope = await this.access.resolveSensorScope(principal, 'read', ids);
    const feed = await this.hub.join(
      (reading) =>
        wanted.has(reading.sensorId) &&
        resolvedScopeAdmits(scope, reading, this.clock.now().getTime(), this.hub.ownerSeen(reading.gatewayId)),
      resumeAfter,
    );
    if (scope.kind === 'all') return feed;
    // Grants change while the stream is open: re-read them, and admit nothing when that fails.
    let refreshing = false;
    const timer = setInterval(() => {
      if (refreshing) return;
      refreshing = true;
      this.access
        .resolveSensorScope(principal, 'read', ids)
        .then((next) => (scope = next))
        .catch(
          () => (scope = { kind: 'some', ownedGateways: new Set(), granted: new Map(), privateSensors: new Set() }),
        )
        .finally(() => (refreshing = false));
    }, this.refreshMs);
    timer.unref();
    void feed.ended.then(() => clearInterval(timer));
    return feed;
  }
}
