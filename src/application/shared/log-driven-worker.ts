import type { AllFilter, EventStore, RecordedEvent } from '../ports/event-store.port.js';
import { LogDrivenLoop } from './log-driven-loop.js';

export interface LogDrivenWorkerOptions {
  /** How often open work is looked at without new events: gateways that came back, expiries. */
  readonly pollMs?: number;
  readonly onError?: (error: unknown, context: string) => void;
}

/**
 * A worker whose open work lives in the event log (actuator commands, configuration requests): it folds its events
 * into memory through `apply` and acts on what it holds in `pass`, driven by a `LogDrivenLoop`.
 */
export abstract class LogDrivenWorker {
  protected readonly loop: LogDrivenLoop;

  protected constructor(store: EventStore, filter: AllFilter, name: string, options: LogDrivenWorkerOptions) {
    this.loop = new LogDrivenLoop(
      store,
      filter,
      { apply: (event) => this.apply(event), pass: () => this.pass() },
      {
        name,
        ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
        ...(options.onError ? { onError: options.onError } : {}),
      },
    );
  }

  /** Resolves once the work already in the log is known. */
  start(): Promise<void> {
    return this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Look at the open work now (a new request, a gateway that just connected). */
  poke(): void {
    this.loop.poke();
  }

  protected abstract apply(event: RecordedEvent): void;
  protected abstract pass(): Promise<void>;
}
