import type { DomainEvent } from '../shared/event.js';

/** One principal's reads of one sensor within a flush window. */
export interface DataAccessEntry {
  readonly actorId: string;
  readonly sensorId: string;
  readonly gatewayId: string;
  readonly requests: number;
  readonly rows: number;
  readonly firstAt: string;
  readonly lastAt: string;
}

/** Every read of sensor data in one flush window, aggregated: one event per window, never one per request. */
export type DataAccessed = DomainEvent<
  'DataAccessed',
  { readonly from: string; readonly to: string; readonly entries: readonly DataAccessEntry[] }
>;

export const DATA_ACCESSED = 'DataAccessed' as const;
