import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';

/** The file's content: the interval the server set, and what gateway.json said when it did (null: nothing). */
interface Stored {
  readonly value: number;
  readonly configured: number | null;
  readonly changedAt: string;
}

/**
 * An interval the server changed on a driver (`poll_interval`), kept in the agent's state directory so a restarted
 * agent polls or reports as the node's configuration history says, not as gateway.json said before the change.
 * An operator who edits the interval in gateway.json since has the last word: the kept one is then ignored.
 */
export class RememberedInterval {
  constructor(
    /** Absent: nothing is kept (no state directory). */
    private readonly path: string | undefined,
    private readonly logger: Logger,
  ) {}

  /** The kept interval when gateway.json still names the one it replaced and `check` accepts it; else `configured`. */
  initial<T extends number | undefined>(configured: T, check: (value: number) => number): number | T {
    if (!this.path) return configured;
    let stored: Partial<Stored>;
    try {
      stored = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<Stored>;
    } catch {
      return configured;
    }
    if (stored.configured !== (configured ?? null) || typeof stored.value !== 'number') return configured;
    try {
      const value = check(stored.value);
      this.logger.info({ interval: value, configured: configured ?? null, changedAt: stored.changedAt }, 'interval set by the server kept from before the restart');
      return value;
    } catch {
      return configured;
    }
  }

  /** Keeps `value`; answers why it could not, so the change's confirmation can say it holds until a restart only. */
  remember(value: number, configured: number | undefined, at: Date): string | undefined {
    if (!this.path) return undefined;
    const stored: Stored = { value, configured: configured ?? null, changedAt: at.toISOString() };
    const temporary = `${this.path}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(temporary, `${JSON.stringify(stored)}\n`);
      renameSync(temporary, this.path);
      return undefined;
    } catch (error) {
      this.logger.warn({ path: this.path, err: error }, 'interval set by the server not kept: it holds until the agent restarts');
      return error instanceof Error ? error.message : String(error);
    }
  }
}
