import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';

/** The file's content: the value the server set, and what gateway.json said when it did (null: nothing). */
interface Stored {
  readonly value: number;
  readonly configured: number | null;
  readonly changedAt: string;
}

/**
 * A setting the server changed on a driver (a `poll_interval`, a ZigBee channel), kept beside the driver's state so
 * a restarted agent works as the server's history says, not as gateway.json said before the change. An operator
 * who edits the setting in gateway.json since has the last word: the kept value is then ignored.
 */
export class RememberedSetting {
  constructor(
    /** Absent: nothing is kept (no state directory). */
    private readonly path: string | undefined,
    /** Names the setting in logs. */
    private readonly what: string,
    private readonly logger: Logger,
  ) {}

  /** The kept value when gateway.json still names the one it replaced and `check` accepts it; else `configured`. */
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
      this.logger.info(
        { setting: this.what, value, configured: configured ?? null, changedAt: stored.changedAt },
        'setting changed by the server kept from before the restart',
      );
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
      this.logger.warn(
        { setting: this.what, path: this.path, err: error },
        'setting changed by the server not kept: it holds until the agent restarts',
      );
      return error instanceof Error ? error.message : String(error);
    }
  }
}
