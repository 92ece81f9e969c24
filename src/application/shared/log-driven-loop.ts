import type { AllFilter, EventStore, Position, RecordedEvent, Subscription } from '../ports/event-store.port.js';

/** What a log-driven worker does: fold each event of its filter into memory, and act on what it holds. */
export interface LogDrivenWork {
  apply(event: RecordedEvent): void;
  pass(): Promise<void>;
}

export interface LogDrivenLoopOptions {
  /** How often a pass runs without new events (gateways that came back, expiries). */
  readonly pollMs?: number;
  readonly onError?: (error: unknown, context: string) => void;
  /** Names the worker in error contexts. */
  readonly name: string;
}

const PAGE = 1000;

/**
 * Reads the worker's events from the start of the log, then follows them live (re-subscribing after a failure), and
 * runs one pass at a time: after each new event, on every poke and every `pollMs`. Work kept in the log survives
 * restarts this way, without a table of its own.
 */
export class LogDrivenLoop {
  private subscription: Subscription | undefined;
  private following: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private passing: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly filter: AllFilter,
    private readonly work: LogDrivenWork,
    private readonly options: LogDrivenLoopOptions,
  ) {}

  get stopped(): boolean {
    return this.stopping;
  }

  /** Resolves once the events already in the log are applied. */
  async start(): Promise<void> {
    let after: Position | null = null;
    for (;;) {
      const page = await this.store.readAll({ after, max: PAGE, filter: this.filter });
      for (const event of page) this.work.apply(event);
      after = page.at(-1)?.position ?? after;
      if (page.length < PAGE) break;
    }
    this.following = this.follow(after);
    this.timer = setInterval(() => this.poke(), this.options.pollMs ?? 500);
    this.timer.unref();
    this.poke();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.subscription?.close();
    await this.following;
    await this.passing;
  }

  /** Run a pass now, unless one is running. */
  poke(): void {
    if (this.stopping || this.passing) return;
    this.passing = this.work
      .pass()
      .catch((error: unknown) => this.options.onError?.(error, `${this.options.name}: pass failed`))
      .finally(() => (this.passing = undefined));
  }

  private async follow(after: Position | null): Promise<void> {
    while (!this.stopping) {
      try {
        this.subscription = this.store.subscribe({ after, filter: this.filter });
        if (this.stopping) await this.subscription.close();
        for await (const event of this.subscription) {
          this.work.apply(event);
          after = event.position;
          this.poke();
        }
      } catch (error) {
        if (this.stopping) return;
        this.options.onError?.(error, `${this.options.name}: following events failed; retrying`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
