import type { ThrottleTimers } from '../../src/infrastructure/dsmr/telegram-throttle.js';

/** Timers that fire only when a spec moves the clock on; callbacks due at one instant run in the order they were set. */
export class ManualTimers implements ThrottleTimers {
  private at = 0;
  private nextId = 0;
  private readonly pending = new Map<number, { readonly due: number; readonly callback: () => void }>();

  now(): number {
    return this.at;
  }

  after(delayMs: number, callback: () => void): () => void {
    const id = this.nextId++;
    this.pending.set(id, { due: this.at + Math.max(0, delayMs), callback });
    return () => this.pending.delete(id);
  }

  get scheduled(): number {
    return this.pending.size;
  }

  /** Moves the clock on by `ms`, firing every callback that falls due on the way, at its own instant. */
  advance(ms: number): void {
    const until = this.at + ms;
    for (;;) {
      const next = [...this.pending]
        .filter(([, timer]) => timer.due <= until)
        .sort(([a, x], [b, y]) => x.due - y.due || a - b)[0];
      if (!next) break;
      const [id, timer] = next;
      this.pending.delete(id);
      this.at = timer.due;
      timer.callback();
    }
    this.at = until;
  }
}
