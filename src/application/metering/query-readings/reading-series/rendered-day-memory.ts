/** One whole day's points as rendered for a revision of its 1d bucket. */
export interface RememberedDay {
  readonly revision: string;
  readonly points: string;
}

/** 64 MiB of points: about thirty meter-years of 15-minute buckets. */
export const DEFAULT_DAY_MEMORY_CHARS = 64 * 1024 * 1024;

export const SERIES_DAY_MEMORY = Symbol('SeriesDayMemory');

/**
 * The most recently served whole days, in this process, in front of readings_day_json: a day held here at the
 * revision its 1d bucket still carries is sent without its text crossing from the database. Whether it still holds
 * is asked of the database on every request (the same revision test the stored days pass), so a day is never served
 * stale, whichever process changed it. Revisions come from one sequence of the read-model database, so one memory
 * serves one database; restoring that database from a backup calls for a restart of the servers reading it.
 * Points are ASCII JSON, so their length is their size in bytes; the least recently served days go first.
 */
export class RenderedDayMemory {
  private readonly days = new Map<string, RememberedDay>();
  private chars = 0;

  constructor(private readonly capacityChars: number = DEFAULT_DAY_MEMORY_CHARS) {}

  /** The day as held, whatever its revision; counts as a use. */
  recall(sensorId: string, width: string, dayMs: number): RememberedDay | undefined {
    const key = keyOf(sensorId, width, dayMs);
    const day = this.days.get(key);
    if (day) {
      this.days.delete(key);
      this.days.set(key, day);
    }
    return day;
  }

  remember(sensorId: string, width: string, dayMs: number, day: RememberedDay): void {
    const key = keyOf(sensorId, width, dayMs);
    this.forget(key);
    if (day.points.length > this.capacityChars) return;
    this.days.set(key, day);
    this.chars += day.points.length;
    for (const [oldest] of this.days) {
      if (this.chars <= this.capacityChars) break;
      this.forget(oldest);
    }
  }

  /** Characters of points held. */
  get size(): number {
    return this.chars;
  }

  private forget(key: string): void {
    const day = this.days.get(key);
    if (!day) return;
    this.days.delete(key);
    this.chars -= day.points.length;
  }
}

function keyOf(sensorId: string, width: string, dayMs: number): string {
  return `${sensorId}\u0000${width}\u0000${dayMs}`;
}
