import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import { DATA_ACCESSED, type DataAccessEntry } from '../../../domain/access/data-access.events.js';
import { actorIdOf, type Principal } from '../../../domain/access/principal.js';
import { CLOCK, type Clock } from '../../ports/clock.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import type { DataAccessRecorder, SensorAccess } from '../ports/data-access-recorder.port.js';

export interface DataAccessLogOptions {
  /** The longest an access waits in memory before it is stored. */
  readonly flushMs: number;
  /** Distinct (actor, sensor) pairs that trigger a flush before the window ends. */
  readonly maxEntries: number;
}

export const DATA_ACCESS_LOG_OPTIONS = Symbol('DataAccessLogOptions');
export const DEFAULT_DATA_ACCESS_LOG_OPTIONS: DataAccessLogOptions = { flushMs: 5000, maxEntries: 2000 };

export const ACCESS_LOG_STREAM_PREFIX = 'access-log-';

/** Period streams, one per UTC day, so no stream grows without end. */
export function accessLogStream(at: Date): string {
  return `${ACCESS_LOG_STREAM_PREFIX}${at.toISOString().slice(0, 10)}`;
}

interface Pending {
  actorId: string;
  sensorId: string;
  gatewayId: string;
  requests: number;
  rows: number;
  firstAt: string;
  lastAt: string;
}

/**
 * Aggregates reads in memory and appends one DataAccessed event per window (and on shutdown). A failed append keeps
 * the entries for the next window rather than dropping them.
 */
@Injectable()
export class BufferedDataAccessRecorder implements DataAccessRecorder, OnModuleDestroy {
  private pending = new Map<string, Pending>();
  private windowStart: string | null = null;
  private flushing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly options: DataAccessLogOptions;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(DATA_ACCESS_LOG_OPTIONS) options?: DataAccessLogOptions,
  ) {
    this.options = options ?? DEFAULT_DATA_ACCESS_LOG_OPTIONS;
    this.timer = setInterval(() => void this.flush().catch(() => undefined), this.options.flushMs);
    this.timer.unref();
  }

  record(principal: Principal, accesses: readonly SensorAccess[]): void {
    if (accesses.length === 0) return;
    const at = this.clock.now().toISOString();
    this.windowStart ??= at;
    const actorId = actorIdOf(principal);
    for (const access of accesses) {
      const key = `${actorId}\u0000${access.sensorId}`;
      const entry = this.pending.get(key);
      if (entry) {
        entry.requests += 1;
        entry.rows += access.rows;
        entry.lastAt = at;
      } else {
        this.pending.set(key, {
          actorId,
          sensorId: access.sensorId,
          gatewayId: access.gatewayId,
          requests: 1,
          rows: access.rows,
          firstAt: at,
          lastAt: at,
        });
      }
    }
    if (this.pending.size >= this.options.maxEntries) void this.flush().catch(() => undefined);
  }

  /** Stores what has gathered so far as one event; resolves once it is durable. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const entries: DataAccessEntry[] = [...this.pending.values()];
    const from = this.windowStart ?? entries[0]!.firstAt;
    this.pending = new Map();
    this.windowStart = null;
    const now = this.clock.now();
    this.flushing = this.store
      .append(
        accessLogStream(now),
        [
          {
            id: randomUUID(),
            type: DATA_ACCESSED,
            data: { from, to: now.toISOString(), entries },
            metadata: { actorId: 'access-log', schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'any' },
      )
      .then(() => undefined)
      .catch((error: unknown) => {
        for (const entry of entries) this.merge(entry);
        this.windowStart ??= from;
        throw error;
      })
      .finally(() => (this.flushing = null));
    await this.flushing;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private merge(entry: DataAccessEntry): void {
    const key = `${entry.actorId}\u0000${entry.sensorId}`;
    const current = this.pending.get(key);
    if (!current) {
      this.pending.set(key, { ...entry });
      return;
    }
    current.requests += entry.requests;
    current.rows += entry.rows;
    if (entry.firstAt < current.firstAt) current.firstAt = entry.firstAt;
    if (entry.lastAt > current.lastAt) current.lastAt = entry.lastAt;
  }
}
