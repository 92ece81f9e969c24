import type { NotificationMessage } from '../../../domain/notifications/notification-message.js';
import { notificationChannelDecider } from '../../../domain/notifications/notification-channel.decider.js';
import type { ChannelKind } from '../../../domain/notifications/notification-topics.js';
import type { EventStore } from '../../ports/event-store.port.js';
import type { ReadModelDb } from '../../ports/read-model-db.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import type { RetryPolicy } from '../../shared/retry-schedule.js';
import { NOTIFICATION_CHANNEL_EVENTS, notificationChannelStream } from '../notification-streams.js';
import {
  NOTIFICATION_CHANNEL_HEALTH_TABLE,
  NOTIFICATION_CHANNELS_TABLE,
  NOTIFICATION_DELIVERIES_TABLE,
} from '../notifications-read-model/notifications.tables.js';
import {
  NotificationSendError,
  type NotificationSenders,
  type OutgoingNotification,
} from '../ports/notification-sender.port.js';
import { BROKEN_AFTER_FAILURES, deliveryOutcome, type DeliveryOutcome } from './delivery-outcome.js';

export interface DeliveryLogEntry {
  readonly deliveryId: string;
  readonly channelId: string;
  readonly topic: string;
  readonly attempt: number;
  readonly status: DeliveryOutcome['status'] | 'skipped';
  readonly error?: string;
}

export interface NotificationDeliveryOptions {
  readonly now: () => Date;
  readonly random?: () => number;
  /** How often due deliveries are looked for without a poke; 1 s by default. */
  readonly pollMs?: number;
  readonly batchSize?: number;
  /** How long a claimed delivery is this worker's before another may take it over (a crashed worker's). */
  readonly leaseMs?: number;
  readonly retry?: RetryPolicy;
  readonly brokenAfter?: number;
  /** One structured line per attempt; never a secret (no addresses' credentials, no signatures). */
  readonly log?: (entry: DeliveryLogEntry) => void;
  readonly onError?: (error: unknown, context: string) => void;
}

interface ClaimedRow {
  topic: string;
  subject_event_id: string;
  channel_id: string;
  delivery_id: string;
  owner_id: string;
  kind: ChannelKind;
  message: NotificationMessage;
  attempts: number;
  created_at: string | Date;
}

interface ChannelRow {
  owner_id: string;
  address: string;
  status: string;
  secret_key_id: string | null;
  previous_secret_key_id: string | null;
  previous_valid_until: string | Date | null;
}

const iso = (value: string | Date): string => (value instanceof Date ? value : new Date(value)).toISOString();

/**
 * Sends what the notifications projection queued. A delivery is claimed with a lease (`FOR UPDATE SKIP LOCKED`, so
 * several nodes share the work and none sends a row another holds), sent, and its outcome written; a worker that dies
 * mid-send leaves a lease that runs out, and the next attempt carries the same delivery id so the receiver can tell.
 * After `brokenAfter` failed attempts in a row a channel is switched off as broken, which the owner hears of once.
 */
export class NotificationDeliveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private again = false;

  constructor(
    private readonly db: ReadModelDb,
    private readonly store: EventStore,
    private readonly senders: NotificationSenders,
    private readonly options: NotificationDeliveryOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Look for due deliveries now. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const more = this.again;
        this.again = false;
        this.schedule(more ? 0 : (this.options.pollMs ?? 1000));
      });
    }, ms);
  }

  private async pass(): Promise<void> {
    try {
      while (!this.stopped && (await this.runOnce()) > 0);
    } catch (error) {
      this.options.onError?.(error, 'notification delivery pass failed; trying again');
    }
  }

  /** Claims and sends the deliveries due now; resolves with how many it handled. */
  async runOnce(): Promise<number> {
    const now = this.options.now();
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 120_000));
    const claimed = await this.db.query<ClaimedRow>(
      `UPDATE ${NOTIFICATION_DELIVERIES_TABLE} d SET status = 'sending', attempts = d.attempts + 1,
         lease_until = $2::timestamptz
       FROM (SELECT topic, subject_event_id, channel_id FROM ${NOTIFICATION_DELIVERIES_TABLE}
             WHERE (status = 'pending' AND next_attempt_at <= $1::timestamptz)
                OR (status = 'sending' AND lease_until <= $1::timestamptz)
             ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
       WHERE d.topic = due.topic AND d.subject_event_id = due.subject_event_id AND d.channel_id = due.channel_id
       RETURNING d.topic, d.subject_event_id, d.channel_id, d.delivery_id, d.owner_id, d.kind, d.message, d.attempts,
         d.created_at`,
      [now.toISOString(), leaseUntil.toISOString(), this.options.batchSize ?? 20],
    );
    for (const row of claimed) await this.deliver(row, now);
    return claimed.length;
  }

  private async deliver(row: ClaimedRow, now: Date): Promise<void> {
    const [channel] = await this.db.query<ChannelRow>(
      `SELECT owner_id, address, status, secret_key_id, previous_secret_key_id, previous_valid_until
       FROM ${NOTIFICATION_CHANNELS_TABLE} WHERE channel_id = $1`,
      [row.channel_id],
    );
    if (!channel || channel.status !== 'active' || channel.owner_id !== row.owner_id) {
      await this.finish(row, 'skipped', now, 'the channel is no longer active');
      return;
    }
    const previousValid =
      channel.previous_secret_key_id !== null &&
      channel.previous_valid_until !== null &&
      new Date(iso(channel.previous_valid_until)) > now;
    const notification: OutgoingNotification = {
      deliveryId: row.delivery_id,
      subjectEventId: row.subject_event_id,
      ownerId: row.owner_id,
      attempt: row.attempts,
      createdAt: iso(row.created_at),
      message: row.message,
      channel: {
        channelId: row.channel_id,
        kind: row.kind,
        address: channel.address,
        signingSecretKeyIds: [
          ...(channel.secret_key_id ? [channel.secret_key_id] : []),
          ...(previousValid ? [channel.previous_secret_key_id!] : []),
        ],
      },
    };
    let failure: { message: string; retryable: boolean } | null = null;
    try {
      await this.senders[row.kind].send(notification);
    } catch (error) {
      failure =
        error instanceof NotificationSendError
          ? { message: error.message, retryable: error.retryable }
          : { message: error instanceof Error ? error.message : String(error), retryable: true };
    }
    const outcome = deliveryOutcome(row.attempts, failure, now, this.options.random ?? Math.random, this.options.retry);
    await this.record(row, outcome, now);
  }

  private async record(row: ClaimedRow, outcome: DeliveryOutcome, now: Date): Promise<void> {
    if (outcome.status === 'pending') {
      await this.db.query(
        `UPDATE ${NOTIFICATION_DELIVERIES_TABLE} SET status = 'pending', next_attempt_at = $2::timestamptz,
           lease_until = NULL, last_error = $3 WHERE delivery_id = $1`,
        [row.delivery_id, outcome.nextAttemptAt.toISOString(), outcome.error],
      );
    } else {
      await this.finish(row, outcome.status, now, outcome.status === 'delivered' ? null : outcome.error);
    }
    this.options.log?.({
      deliveryId: row.delivery_id,
      channelId: row.channel_id,
      topic: row.topic,
      attempt: row.attempts,
      status: outcome.status,
      ...(outcome.status === 'delivered' ? {} : { error: outcome.error }),
    });
    await this.noteHealth(row, outcome.status === 'delivered' ? null : outcome.error, now);
  }

  private async finish(row: ClaimedRow, status: string, now: Date, error: string | null): Promise<void> {
    await this.db.query(
      `UPDATE ${NOTIFICATION_DELIVERIES_TABLE} SET status = $2, finished_at = $3::timestamptz, lease_until = NULL,
         last_error = $4 WHERE delivery_id = $1`,
      [row.delivery_id, status, now.toISOString(), error],
    );
  }

  /** Failed attempts in a row per channel; a success clears them, too many switch the channel off. */
  private async noteHealth(row: ClaimedRow, error: string | null, now: Date): Promise<void> {
    const [health] = await this.db.query<{ consecutive_failures: number }>(
      `INSERT INTO ${NOTIFICATION_CHANNEL_HEALTH_TABLE} (channel_id, consecutive_failures, last_error, updated_at)
       VALUES ($1, $2, $3, $4::timestamptz)
       ON CONFLICT (channel_id) DO UPDATE SET
         consecutive_failures = CASE WHEN $3::text IS NULL THEN 0
                                     ELSE ${NOTIFICATION_CHANNEL_HEALTH_TABLE}.consecutive_failures + 1 END,
         last_error = COALESCE($3, ${NOTIFICATION_CHANNEL_HEALTH_TABLE}.last_error), updated_at = EXCLUDED.updated_at
       RETURNING consecutive_failures`,
      [row.channel_id, error === null ? 0 : 1, error, now.toISOString()],
    );
    const failures = Number(health?.consecutive_failures ?? 0);
    if (error === null || failures < (this.options.brokenAfter ?? BROKEN_AFTER_FAILURES)) return;
    await handleWithDecider(
      this.store,
      notificationChannelStream(row.channel_id),
      notificationChannelDecider,
      {
        type: 'MarkChannelBroken',
        data: {
          channelId: row.channel_id,
          ownerId: row.owner_id,
          consecutiveFailures: failures,
          lastError: error.slice(0, 500),
          at: now.toISOString(),
        },
      },
      { actorId: 'system:notifications', correlationId: row.delivery_id },
      { events: NOTIFICATION_CHANNEL_EVENTS, attempts: 3 },
    );
  }
}
