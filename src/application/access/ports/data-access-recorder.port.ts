import type { Principal } from '../../../domain/access/principal.js';

/** One sensor's share of one answered request. */
export interface SensorAccess {
  readonly sensorId: string;
  readonly gatewayId: string;
  /** Points, readings or buckets handed out for that sensor. */
  readonly rows: number;
}

/**
 * Query handlers report what they handed out; the recorder aggregates in memory and stores one event per flush
 * window, so the log costs the read paths no write of their own.
 */
export interface DataAccessRecorder {
  record(principal: Principal, accesses: readonly SensorAccess[]): void;
}

export const DATA_ACCESS_RECORDER = Symbol('DataAccessRecorder');
