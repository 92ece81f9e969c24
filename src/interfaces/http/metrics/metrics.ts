import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';

/** Process metrics plus projection progress, computed when scraped. */
export function createMetricsRegistry(supervisor: ProjectionSupervisor): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'wattlog_' });
  new Gauge({
    name: 'wattlog_projection_lag_events',
    help: 'Events the projection consumes that are in the log after its checkpoint (events it ignores never count)',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      for (const p of await supervisor.health()) this.set({ projection: p.name }, p.lag);
    },
  });
  new Gauge({
    name: 'wattlog_projection_lag_seconds',
    help: 'Age of the oldest event the projection consumes and has not applied yet (0 when caught up)',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      for (const p of await supervisor.health()) this.set({ projection: p.name }, p.lagSeconds);
    },
  });
  new Gauge({
    name: 'wattlog_projection_events_applied',
    help: 'Events applied by the projection since it was last built',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      for (const p of await supervisor.health()) this.set({ projection: p.name }, p.checkpoint?.eventsApplied ?? 0);
    },
  });
  return registry;
}
