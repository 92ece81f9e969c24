import {
  aDayAheadPriceSignal,
  aPublishedGridSignal,
  aPublishedProgram,
  aRevisedGridSignal,
  anOadrSubscription,
} from '#test/builders/market.js';
import { describeProjection } from '#test/support/projection-spec.js';
import type { KeyVault } from '../../gateways/ports/key-vault.port.js';
import type { CallbackOutcome, CallbackTransport } from '../ports/callback-transport.port.js';
import { OadrNotificationSender, type RetryDecision } from './oadr-notification-sender.js';
import { oadrNotificationProcess } from './oadr-notification.process.js';

const SUBSCRIBED = anOadrSubscription({
  content: {
    clientName: 'utility-a',
    objectOperations: [
      {
        objects: ['EVENT'],
        operations: ['CREATE', 'UPDATE', 'DELETE'],
        callbackUrl: 'https://a.example/cb',
        bearerTokenFingerprint: 'fp-1',
      },
    ],
  },
});

interface Row {
  subscription_id: string;
  operation: string;
  object_id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  body: { object: Record<string, unknown> };
}
const DELIVERIES = 'SELECT * FROM oadr_notification_deliveries ORDER BY delivery_id';

/** Posts nothing: answers each POST with the next scripted outcome and keeps what it was asked. */
function scriptedTransport(outcomes: CallbackOutcome[]): CallbackTransport & { posts: unknown[] } {
  const posts: unknown[] = [];
  return {
    posts,
    post: (url, body, token) => {
      posts.push({ url, body: JSON.parse(body) as unknown, token });
      return Promise.resolve(outcomes.shift() ?? { ok: true });
    },
  };
}

const vault: KeyVault = {
  get: (key) => Promise.resolve(key === 'oadr-callback-token:s-1:fp-1' ? Buffer.from('secret-1') : undefined),
  put: () => Promise.resolve(),
  all: () => Promise.resolve(new Map()),
};

describeProjection('OpenADR notification process and sender', oadrNotificationProcess(), (spec) => {
  async function given(): Promise<void> {
    await spec.given('oadr-subscription-s-1', [SUBSCRIBED]);
    await spec.given('program-p-1', [aPublishedProgram()]);
    await spec.given('grid-signal-e-1', [
      aPublishedGridSignal(),
      aRevisedGridSignal(aDayAheadPriceSignal('p-1', 2)),
      { type: 'GridSignalWithdrawn', data: { eventId: 'e-1', at: '2026-12-07T11:00:00.000Z', mode: 'deleted' } },
    ]);
    // Another provider's event: utility A never hears of it.
    await spec.given('grid-signal-e-9', [aPublishedGridSignal({ eventId: 'e-9', providerId: 'prov-b' })]);
  }

  it('queues one delivery per matching change, once, whatever is replayed', async () => {
    await given();
    await spec.project({ batchSize: 2 });
    const rows = await spec.rows<Row>(DELIVERIES);
    expect(rows.map((r) => `${r.object_id} ${r.operation}`)).toEqual(['e-1 CREATE', 'e-1 UPDATE', 'e-1 DELETE']);
    expect(rows[2]!.body.object).toEqual(rows[1]!.body.object);
    expect(rows[1]!.body.object).toMatchObject({ id: 'e-1', objectType: 'EVENT', intervals: [{ id: 0 }, { id: 1 }] });

    // The whole log again, from a fresh state: the same keys, nothing added.
    await spec.rows(`DELETE FROM projection_checkpoints`);
    await spec.rows(`DELETE FROM oadr_notification_objects`);
    await spec.rows(`DELETE FROM oadr_notification_subscriptions`);
    await spec.project();
    expect(await spec.rows<Row>(DELIVERIES)).toHaveLength(3);
  });

  it('posts with the bearer token, retries with back-off, gives up and records why, cancels for a deleted subscription', async () => {
    await given();
    await spec.project();
    const transport = scriptedTransport([
      { ok: true },
      { ok: false, retryable: true, reason: 'http_status: answered 503' },
      { ok: false, retryable: true, reason: 'timeout: no answer' },
    ]);
    let now = Date.now();
    const decisions: RetryDecision[] = [{ kind: 'retry', delayMs: 60_000 }, { kind: 'suspend' }];
    const sender = new OadrNotificationSender(spec.backend.db, vault, transport, {
      now: () => new Date(now),
      retryAfter: () => decisions.shift()!,
      pollMs: 3_600_000,
    });
    const pass = async () => {
      sender.poke();
      await sender.idle();
    };
    try {
      await pass();
      // One callback, in order: the CREATE went out, the UPDATE failed and waits; the DELETE waits behind it.
      expect(transport.posts).toHaveLength(2);
      expect(transport.posts[0]).toMatchObject({ url: 'https://a.example/cb', token: 'secret-1' });
      expect(transport.posts[0]).toMatchObject({ body: { objectType: 'EVENT', operation: 'CREATE' } });
      const statuses = async () => (await spec.rows<Row>(DELIVERIES)).map((r) => [r.status, r.attempts]);
      expect(await statuses()).toEqual([
        ['delivered', 1],
        ['pending', 1],
        ['pending', 0],
      ]);
      await pass();
      expect(transport.posts).toHaveLength(2);

      // Past the back-off: it fails again and is given up on; the DELETE behind it goes out.
      now += 61_000;
      await pass();
      const rows = await spec.rows<Row>(DELIVERIES);
      expect(rows[1]).toMatchObject({
        status: 'failed',
        attempts: 2,
        last_error: 'gave up after 2 attempts: timeout: no answer',
      });
      expect(rows[2]).toMatchObject({ status: 'delivered', attempts: 1 });
      expect(transport.posts).toHaveLength(4);

      // A change queued before its subscription was deleted is never sent.
      await spec.given('grid-signal-e-2', [aPublishedGridSignal({ eventId: 'e-2' })]);
      await spec.given('oadr-subscription-s-1', [
        { type: 'OadrSubscriptionDeleted', data: { subscriptionId: 's-1', at: '2026-12-07T12:00:00.000Z' } },
      ]);
      await spec.project();
      await pass();
      expect((await spec.rows<Row>(DELIVERIES)).at(-1)).toMatchObject({ object_id: 'e-2', status: 'cancelled' });
      expect(transport.posts).toHaveLength(4);
    } finally {
      await sender.stop();
    }
  });
});
