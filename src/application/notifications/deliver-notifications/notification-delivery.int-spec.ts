import { describeProjection } from '#test/support/projection-spec.js';
import { aRegisteredGateway } from '#test/builders/gateways.js';
import { anAlarmRaised, anEmailChannelAdded, aWebhookChannelAdded } from '#test/builders/notifications.js';
import type { NotificationChannelEvent } from '../../../domain/notifications/notification-channel.events.js';
import { notificationsProjection } from '../notifications-read-model/notifications.projection.js';
import { notificationChannelStream, notificationSettingsStream } from '../notification-streams.js';
import {
  NotificationSendError,
  type NotificationSender,
  type OutgoingNotification,
} from '../ports/notification-sender.port.js';
import { NotificationDeliveryWorker } from './notification-delivery.worker.js';

/** A sender that records what it was handed and fails while `failing` says so. */
class RecordingSender implements NotificationSender {
  readonly sent: OutgoingNotification[] = [];
  failing: NotificationSendError | null = null;
  send(notification: OutgoingNotification): Promise<void> {
    if (this.failing) return Promise.reject(this.failing);
    this.sent.push(notification);
    return Promise.resolve();
  }
}

const verified = (channelId: string): NotificationChannelEvent => ({
  type: 'NotificationChannelVerified',
  data: { channelId, at: '2026-03-01T09:00:00.000Z' },
});

describeProjection(
  'notification deliveries',
  notificationsProjection,
  (spec) => {
    // Deliveries fall due when their alarm was recorded, which is now: the clock starts a minute later.
    let clock = new Date(Date.now() + 60_000);
    const worker = (senders: { webhook: RecordingSender; email: RecordingSender }, brokenAfter = 8) =>
      new NotificationDeliveryWorker(spec.backend.db, spec.backend.store, senders, {
        now: () => clock,
        random: () => 0.5,
        brokenAfter,
      });

    it('sends an alarm once per channel, and a rebuild or a replay of the log sends nothing again', async () => {
      const senders = { webhook: new RecordingSender(), email: new RecordingSender() };
      await spec.given('gateway-gw-once', [aRegisteredGateway({ gatewayId: 'gw-once', ownerId: 'owner-once' })]);
      await spec.given(notificationChannelStream('hook-once'), [
        aWebhookChannelAdded({ channelId: 'hook-once', ownerId: 'owner-once' }),
      ]);
      await spec.given(notificationChannelStream('mail-once'), [
        anEmailChannelAdded({ channelId: 'mail-once', ownerId: 'owner-once' }),
        verified('mail-once'),
      ]);
      await spec.given('alarm-once', [anAlarmRaised({ gatewayId: 'gw-once', alarmId: 'alarm-once' })]);
      await spec.project();
      expect(await worker(senders).runOnce()).toBe(2);
      expect(senders.webhook.sent.map((n) => [n.channel.channelId, n.message.topic])).toEqual([
        ['hook-once', 'alarm_raised'],
      ]);
      expect(senders.email.sent.map((n) => n.channel.address)).toEqual(['owner@example.com']);

      await spec.rebuild();
      await spec.backend.db.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [notificationsProjection.name]);
      await spec.project();
      expect(await worker(senders).runOnce()).toBe(0);
      expect(senders.webhook.sent.length + senders.email.sent.length).toBe(2);
      const inbox = await spec.rows(`SELECT topic FROM notification_inbox WHERE owner_id = 'owner-once'`);
      expect(inbox).toEqual([{ topic: 'alarm_raised' }]);
    });

    it('retries with backoff, then switches a failing channel off and tells its owner once, in the inbox', async () => {
      const senders = { webhook: new RecordingSender(), email: new RecordingSender() };
      senders.webhook.failing = new NotificationSendError('answered 503', true);
      await spec.given('gateway-gw-broken', [aRegisteredGateway({ gatewayId: 'gw-broken', ownerId: 'owner-broken' })]);
      await spec.given(notificationChannelStream('hook-broken'), [
        aWebhookChannelAdded({ channelId: 'hook-broken', ownerId: 'owner-broken' }),
      ]);
      await spec.given('alarm-broken', [anAlarmRaised({ gatewayId: 'gw-broken', alarmId: 'alarm-broken' })]);
      await spec.project();
      const delivery = worker(senders, 3);
      expect(await delivery.runOnce()).toBe(1);
      // Not due again until the backoff has passed: 22.5 s with this jitter, then 45 s.
      expect(await delivery.runOnce()).toBe(0);
      clock = new Date(clock.getTime() + 23_000);
      expect(await delivery.runOnce()).toBe(1);
      clock = new Date(clock.getTime() + 46_000);
      expect(await delivery.runOnce()).toBe(1);
      const events = await spec.backend.store.readStream(notificationChannelStream('hook-broken'));
      expect(events.map((e) => e.type)).toEqual(['NotificationChannelAdded', 'NotificationChannelDisabled']);

      await spec.project();
      const told = await spec.rows(
        `SELECT topic FROM notification_inbox WHERE owner_id = 'owner-broken' ORDER BY topic`,
      );
      expect(told).toEqual([{ topic: 'alarm_raised' }, { topic: 'channel_broken' }]);
      await spec.given('alarm-broken', [anAlarmRaised({ gatewayId: 'gw-broken', alarmId: 'alarm-broken-2' })]);
      await spec.project();
      const queued = await spec.rows(
        `SELECT count(*)::int AS n FROM notification_deliveries WHERE channel_id = 'hook-broken'`,
      );
      expect(queued).toEqual([{ n: 1 }]);
    });

    it('holds a delivery in quiet hours until they end; the inbox gets it at once', async () => {
      const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
      const [start, end] = [hhmm(Date.now() - 3_600_000), hhmm(Date.now() + 2 * 3_600_000)];
      await spec.given('gateway-gw-quiet', [aRegisteredGateway({ gatewayId: 'gw-quiet', ownerId: 'owner-quiet' })]);
      await spec.given(notificationSettingsStream('owner-quiet'), [
        {
          type: 'NotificationQuietHoursSet',
          data: { ownerId: 'owner-quiet', start, end, timeZone: 'UTC', at: '2026-03-01T00:00:00Z' },
        },
      ]);
      await spec.given(notificationChannelStream('hook-quiet'), [
        aWebhookChannelAdded({ channelId: 'hook-quiet', ownerId: 'owner-quiet' }),
      ]);
      await spec.given('alarm-quiet', [anAlarmRaised({ gatewayId: 'gw-quiet', alarmId: 'alarm-quiet' })]);
      await spec.project();
      const [row] = await spec.rows<{ due: string }>(
        `SELECT to_char(next_attempt_at AT TIME ZONE 'UTC', 'HH24:MI') AS due FROM notification_deliveries
         WHERE channel_id = 'hook-quiet'`,
      );
      expect(row?.due).toBe(end);
      expect(await spec.rows(`SELECT 1 FROM notification_inbox WHERE owner_id = 'owner-quiet'`)).toHaveLength(1);
    });
  },
  { database: 'shared' },
);
