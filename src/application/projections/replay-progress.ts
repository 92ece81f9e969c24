/** How far a replay got, in the figures a person watching it wants: events per second and time left. */
export interface ReplayRate {
  readonly eventsPerSecond: number;
  /** Seconds left at the rate so far; null until there is a rate to go by. */
  readonly etaSeconds: number | null;
  /** 0…1 of the events the log held when the replay began. */
  readonly fraction: number;
}

export function replayRate(applied: number, total: number, elapsedMs: number): ReplayRate {
  const fraction = total <= 0 ? 1 : Math.min(1, applied / total);
  if (elapsedMs <= 0 || applied <= 0) return { eventsPerSecond: 0, etaSeconds: null, fraction };
  const eventsPerSecond = (applied * 1000) / elapsedMs;
  const etaSeconds = Math.max(0, Math.ceil(Math.max(0, total - applied) / eventsPerSecond));
  return { eventsPerSecond: Math.round(eventsPerSecond), etaSeconds, fraction };
}
