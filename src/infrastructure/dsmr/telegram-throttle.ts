import { performance } from 'node:perf_hooks';

/** The time and timers the throttle runs on; specs pass a hand-driven clock. */
export interface ThrottleTimers {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Calls back once after `delayMs`; the returned function cancels it. */
  after(delayMs: number, callback: () => void): () => void;
}

export const SYSTEM_TIMERS: ThrottleTimers = {
  now: () => performance.now(),
  after: (delayMs, callback) => {
    const timer = setTimeout(callback, delayMs);
    return () => clearTimeout(timer);
  },
};

/**
 * The P1 reader's reporting interval, in seconds. A DSMR 5 meter pushes a telegram every second; at most every
 * quarter hour keeps a reading in every 15-minute aggregate (and every quarter hour of a capacity tariff).
 */
export const REPORTING_INTERVAL_LIMITS = { minSeconds: 1, maxSeconds: 900 } as const;

export class ReportingIntervalError extends Error {
  override readonly name = 'ReportingIntervalError';
}

export function checkReportingInterval(seconds: unknown): number {
  const { minSeconds, maxSeconds } = REPORTING_INTERVAL_LIMITS;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < minSeconds || seconds > maxSeconds) {
    throw new ReportingIntervalError(
      `the P1 reader's reporting interval must be an integer from ${minSeconds} to ${maxSeconds} seconds (got ${JSON.stringify(seconds) ?? 'nothing'})`,
    );
  }
  return seconds;
}

/**
 * Forwards at most one telegram per interval: at each boundary the newest telegram offered since the previous
 * boundary, or nothing when none came. Only whole, checksum-valid telegrams are offered; the counters they carry are
 * cumulative, so the telegrams passed over lose nothing but resolution.
 */
export class TelegramThrottle {
  private intervalMs: number;
  private held: string | undefined;
  private lastBoundaryAt: number;
  private cancel: (() => void) | undefined;

  constructor(
    intervalSeconds: number,
    private readonly forward: (telegram: string) => void,
    private readonly timers: ThrottleTimers = SYSTEM_TIMERS,
  ) {
    this.intervalMs = checkReportingInterval(intervalSeconds) * 1000;
    this.lastBoundaryAt = timers.now();
    this.arm(this.intervalMs);
  }

  get intervalSeconds(): number {
    return this.intervalMs / 1000;
  }

  /** Holds the telegram for the next boundary; true when it takes the place of one held already. */
  offer(telegram: string): boolean {
    const replaced = this.held !== undefined;
    this.held = telegram;
    return replaced;
  }

  /** Takes effect for the wait in progress: the next boundary is the last one plus the new interval, or now. */
  setIntervalSeconds(seconds: number): void {
    const intervalMs = checkReportingInterval(seconds) * 1000;
    if (intervalMs === this.intervalMs) return;
    this.intervalMs = intervalMs;
    this.arm(Math.max(0, this.lastBoundaryAt + intervalMs - this.timers.now()));
  }

  /** No boundary after this; a held telegram is dropped (the next one after a restart carries the same counters, newer). */
  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.held = undefined;
  }

  private arm(delayMs: number): void {
    this.cancel?.();
    this.cancel = this.timers.after(delayMs, () => this.boundary());
  }

  private boundary(): void {
    this.cancel = undefined;
    this.lastBoundaryAt = this.timers.now();
    const telegram = this.held;
    this.held = undefined;
    this.arm(this.intervalMs);
    if (telegram !== undefined) this.forward(telegram);
  }
}
