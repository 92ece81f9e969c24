/**
 * Radios repeat frames the receiver did not acknowledge in time, so the same report can arrive twice with one
 * transaction sequence number. Converters drop such repeats statefully; the server-side decoder cannot, so the agent
 * does it before sending.
 */
export class RecentTransactions {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when this key was seen within the window; records it otherwise. */
  isRepeat(key: string): boolean {
    const now = this.now();
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return true;
    if (this.seen.size > 1000) {
      for (const [k, until] of this.seen) if (until <= now) this.seen.delete(k);
    }
    this.seen.set(key, now + this.windowMs);
    return false;
  }
}
