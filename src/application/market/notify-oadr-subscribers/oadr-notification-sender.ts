import { oadrCallbackTokenKey } from '../../../domain/market/oadr-subscription.events.js';
import type { KeyVault } from '../../gateways/ports/key-vault.port.js';
import type { HeldLock, ReadModelDb } from '../../ports/read-model-db.port.js';
import type { CallbackTransport } from '../ports/callback-transport.port.js';
import {
  OADR_NOTIFICATION_DELIVERIES_TABLE as DELIVERIES,
  OADR_NOTIFICATION_SUBSCRIPTIONS_TABLE as SUBSCRIPTIONS,
} from './oadr-notifications.tables.js';

export type RetryDecision = { readonly kind: 'retry'; readonly delayMs: number } | { readonly kind: 'suspend' };

/** A delivery that will not be tried again, for the log. */
export interface FailedDelivery {
  readonly subscriptionId: string;
  readonly callbackUrl: string;
  readonly attempts: number;
  readonly reason: string;
}

export interface OadrNotificationSenderOptions {
  readonly now: () => Date;
  /** After `failures` failed attempts in a row: when to try again, or give up (infrastructure's `nextRetry`). */
  readonly retryAfter: (failures: number) => RetryDecision;
  /** How often due deliveries are looked for without a poke; 250 ms by default. */
  readonly pollMs?: number;
  /** Callbacks posted to at once; 32 by default. */
  readonly concurrency?: number;
  /** A change older than this when its turn comes is recorded as expired, not sent; 24 h by default. */
  readonly maxAgeMs?: number;
  readonly onFailed?: (failure: FailedDelivery) => void;
  readonly onError?: (error: unknown, context: string) => void;
}

interface DueRow {
  delivery_id: string;
  subscription_id: string;
  callback_url: string;
  bearer_token_fingerprint: string | null;
  body: unknown;
  attempts: number;
  source_recorded_at: string | Date;
  /** Its subscription was deleted: it hears nothing more, retries included. */
  orphan: boolean;
}

const LOCK = 'wattlog:oadr-notification-sender';

/**
 * Posts the deliveries the notification process queued, oldest first per callback (a callback hears of a change's
 * CREATE before its UPDATE; a callback in back-off holds its later changes back), and records each attempt:
 * delivered, due again after an exponential back-off with jitter, or failed for good (a 4xx, a redirect, a refused
 * address, or too many attempts) with the reason. One sender runs per database (a named lock), so two server nodes
 * never post the same delivery side by side. A crash between a POST and its record can repeat that one POST: the
 * row is still pending when the sender starts again.
 */
export class OadrNotificationSender {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private lock: HeldLock | null = null;

  constructor(
    private readonly db: ReadModelDb,
    private readonly vault: KeyVault,
    private readonly transport: CallbackTransport,
    private readonly options: OadrNotificationSenderOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.pass(), this.options.pollMs ?? 250);
    this.timer.unref();
    this.poke();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.lock?.release().catch(() => undefined);
    this.lock = null;
  }

  /**
   * Look for due deliveries now, and once more a moment later: the process pokes from inside its transaction, and on
   * Postgres the sender's own connection sees the rows only after the commit that follows within milliseconds.
   */
  poke(): void {
    this.pass();
    setTimeout(() => this.pass(), 20).unref();
  }

  private pass(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.options.onError?.(error, 'OpenADR notification sender pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.pass();
        }
      });
  }

  /** Resolves when nothing is being sent (for specs and benches). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    this.lock ??= await this.db.tryLock(LOCK);
    if (!this.lock) return;
    for (;;) {
      if (this.stopped) return;
      const now = this.options.now();
      const due = await this.db.query<DueRow>(
        `SELECT head.*, s.subscription_id IS NULL AS orphan FROM (
           SELECT DISTINCT ON (subscription_id, callback_url) delivery_id, subscription_id, callback_url,
             bearer_token_fingerprint, body, attempts, source_recorded_at, due_at
           FROM ${DELIVERIES} WHERE status = 'pending' ORDER BY subscription_id, callback_url, delivery_id
         ) head LEFT JOIN ${SUBSCRIPTIONS} s ON s.subscription_id = head.subscription_id
         WHERE head.due_at <= $1 ORDER BY head.due_at, head.delivery_id LIMIT 256`,
        [now.toISOString()],
      );
      if (due.length === 0) return;
      await this.sendAll(due, now);
    }
  }

  private async sendAll(rows: readonly DueRow[], now: Date): Promise<void> {
    const queue = [...rows];
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) await this.sendOne(row, now);
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 32, queue.length) }, worker));
  }

  private async sendOne(row: DueRow, now: Date): Promise<void> {
    const attempts = row.attempts + 1;
    if (row.orphan) {
      await this.db.query(`UPDATE ${DELIVERIES} SET status = 'cancelled' WHERE delivery_id = $1`, [row.delivery_id]);
      return;
    }
    const age = now.getTime() - new Date(row.source_recorded_at).getTime();
    if (age > (this.options.maxAgeMs ?? 24 * 3_600_000)) {
      await this.finish(row, 'expired', row.attempts, 'the change is older than the delivery horizon');
      return;
    }
    const token =
      row.bearer_token_fingerprint === null
        ? undefined
        : (await this.vault.get(oadrCallbackTokenKey(row.subscription_id, row.bearer_token_fingerprint)))?.toString(
            'utf8',
          );
    const body = typeof row.body === 'string' ? row.body : JSON.stringify(row.body);
    const outcome = await this.transport.post(row.callback_url, body, token);
    const at = this.options.now();
    if (outcome.ok) {
      await this.db.query(
        `UPDATE ${DELIVERIES} SET status = 'delivered', attempts = $2, last_attempt_at = $3, delivered_at = $3,
           last_error = NULL WHERE delivery_id = $1`,
        [row.delivery_id, attempts, at.toISOString()],
      );
      return;
    }
    const decision: RetryDecision = outcome.retryable ? this.options.retryAfter(attempts) : { kind: 'suspend' };
    if (decision.kind === 'retry') {
      await this.db.query(
        `UPDATE ${DELIVERIES} SET attempts = $2, last_attempt_at = $3, due_at = $4, last_error = $5 WHERE delivery_id = $1`,
        [
          row.delivery_id,
          attempts,
          at.toISOString(),
          new Date(at.getTime() + decision.delayMs).toISOString(),
          outcome.reason,
        ],
      );
      return;
    }
    const reason = outcome.retryable ? `gave up after ${attempts} attempts: ${outcome.reason}` : outcome.reason;
    await this.finish(row, 'failed', attempts, reason, at);
  }

  private async finish(row: DueRow, status: 'failed' | 'expired', attempts: number, reason: string, at?: Date) {
    await this.db.query(
      `UPDATE ${DELIVERIES} SET status = $2, attempts = $3, last_attempt_at = COALESCE($4::timestamptz, last_attempt_at),
         last_error = $5 WHERE delivery_id = $1`,
      [row.delivery_id, status, attempts, at?.toISOString() ?? null, reason],
    );
    this.options.onFailed?.({ subscriptionId: row.subscription_id, callbackUrl: row.callback_url, attempts, reason });
  }
}
