import { Inject, Injectable, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { grantDecider } from '../../../domain/access/grant.decider.js';
import { CLOCK, type Clock } from '../../ports/clock.port.js';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type SqlExecutor } from '../../ports/read-model-db.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { GRANT_EVENTS, grantStream } from '../grant-stream.js';
import { GRANTS_TABLE } from '../access-read-model/access.tables.js';

export const GRANT_SWEEP_INTERVAL_MS = Symbol('GrantSweepIntervalMs');
const DEFAULT_SWEEP_MS = 60_000;
const SWEEP_BATCH = 500;

/**
 * Records AccessExpired for grants past their time. Requests never wait for it: the access checks compare expiry with
 * the request time themselves; this keeps the log and the grant list telling the same story.
 */
@Injectable()
export class GrantExpirySweeper implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly intervalMs: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqlExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(GRANT_SWEEP_INTERVAL_MS) intervalMs?: number,
  ) {
    this.intervalMs = intervalMs ?? DEFAULT_SWEEP_MS;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass at `at` (the clock's now by default); answers how many grants it expired. */
  sweep(at: Date = this.clock.now()): Promise<number> {
    this.running ??= this.sweepAt(at).finally(() => (this.running = null));
    return this.running;
  }

  private async sweepAt(at: Date): Promise<number> {
    const due = await this.db.query<{ grant_id: string }>(
      `SELECT grant_id FROM ${GRANTS_TABLE} WHERE status = 'active' AND expires_at <= $1::timestamptz ORDER BY expires_at LIMIT ${SWEEP_BATCH}`,
      [at.toISOString()],
    );
    let expired = 0;
    for (const { grant_id: grantId } of due) {
      const command = { type: 'ExpireAccess', data: { grantId, at: at.toISOString() } } as const;
      const metadata = { actorId: 'grant-expiry', correlationId: `expiry:${grantId}` };
      try {
        const { events } = await handleWithDecider(this.store, grantStream(grantId), grantDecider, command, metadata, {
          events: GRANT_EVENTS,
        });
        if (events.length > 0) expired += 1;
      } catch (error) {
        // A revoke or another node's sweep got there first: nothing left to do for this grant.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    return expired;
  }
}
