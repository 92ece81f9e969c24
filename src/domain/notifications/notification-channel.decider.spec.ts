import { DeciderSpecification } from '#test/support/decider-spec.js';
import { aVerificationCodeSent, anEmailChannelAdded, aWebhookChannelAdded } from '#test/builders/notifications.js';
import { notificationChannelDecider, MAX_CODE_ATTEMPTS } from './notification-channel.decider.js';
import { NotificationChannelConflictError, NotificationChannelNotFoundError } from './notification.errors.js';
import type { NotificationChannelEvent } from './notification-channel.events.js';

const given = DeciderSpecification.for(notificationChannelDecider);
const AT = '2026-03-01T10:05:00.000Z';
const owned = { channelId: 'channel-1', ownerId: 'user-1', at: AT };

const failed = (attempt: number): NotificationChannelEvent => ({
  type: 'NotificationChannelVerificationFailed',
  data: { channelId: 'channel-1', codeKeyId: 'code-1', attempt, at: AT },
});

describe('notification channel decider', () => {
  it('adds a webhook channel with the vault entry of its secret, never the secret', () => {
    const secret = { keyId: 'notification-webhook-secret:channel-1:1', fingerprint: 'f1' };
    given()
      .when({
        type: 'AddChannel',
        data: { ...owned, kind: 'webhook', address: 'https://hooks.example.com/wattlog', signingSecret: secret },
      })
      .then([
        {
          type: 'NotificationChannelAdded',
          data: { ...owned, kind: 'webhook', address: 'https://hooks.example.com/wattlog', signingSecret: secret },
        },
      ]);
  });

  it('verifies an e-mail channel with the code it was sent', () => {
    given(anEmailChannelAdded(), aVerificationCodeSent())
      .when({ type: 'VerifyChannel', data: { ...owned, codeKeyId: 'code-1', codeMatches: true } })
      .then([{ type: 'NotificationChannelVerified', data: { channelId: 'channel-1', at: AT } }]);
  });

  it('counts a wrong code, and takes none once the attempts are used up', () => {
    given(anEmailChannelAdded(), aVerificationCodeSent())
      .when({ type: 'VerifyChannel', data: { ...owned, codeKeyId: 'code-1', codeMatches: false } })
      .then([failed(1)]);
    const usedUp = Array.from({ length: MAX_CODE_ATTEMPTS }, (_, i) => failed(i + 1));
    given(anEmailChannelAdded(), aVerificationCodeSent(), ...usedUp)
      .when({ type: 'VerifyChannel', data: { ...owned, codeKeyId: 'code-1', codeMatches: true } })
      .then([]);
  });

  it('takes no expired code, even a matching one', () => {
    given(anEmailChannelAdded(), aVerificationCodeSent({ expiresAt: '2026-03-01T10:01:00.000Z' }))
      .when({ type: 'VerifyChannel', data: { ...owned, codeKeyId: 'code-1', codeMatches: true } })
      .then([]);
  });

  it('rotates a webhook secret and keeps the previous one valid until the overlap ends', () => {
    const next = { keyId: 'notification-webhook-secret:channel-1:2', fingerprint: 'f2' };
    given(aWebhookChannelAdded())
      .when({
        type: 'RotateWebhookSecret',
        data: { ...owned, signingSecret: next, previousValidUntil: '2026-03-02T10:05:00.000Z' },
      })
      .then([
        {
          type: 'NotificationWebhookSecretRotated',
          data: {
            channelId: 'channel-1',
            signingSecret: next,
            previous: { keyId: 'notification-webhook-secret:channel-1:1', fingerprint: 'f1' },
            previousValidUntil: '2026-03-02T10:05:00.000Z',
            at: AT,
          },
        },
      ]);
  });

  it('refuses to rotate an e-mail channel', () => {
    given(anEmailChannelAdded())
      .when({
        type: 'RotateWebhookSecret',
        data: { ...owned, signingSecret: { keyId: 'k', fingerprint: 'f' }, previousValidUntil: AT },
      })
      .thenThrows(NotificationChannelConflictError);
  });

  it('marks an active channel broken once; a second report decides nothing', () => {
    const broken: NotificationChannelEvent = {
      type: 'NotificationChannelDisabled',
      data: {
        channelId: 'channel-1',
        ownerId: 'user-1',
        reason: 'broken',
        consecutiveFailures: 5,
        lastError: 'x',
        at: AT,
      },
    };
    const command = { type: 'MarkChannelBroken', data: { ...owned, consecutiveFailures: 5, lastError: 'x' } } as const;
    given(aWebhookChannelAdded()).when(command).then([broken]);
    given(aWebhookChannelAdded(), broken).when(command).then([]);
  });

  it("answers another owner's channel and a removed one as not found", () => {
    given(aWebhookChannelAdded())
      .when({ type: 'RemoveChannel', data: { ...owned, ownerId: 'user-2' } })
      .thenThrows(NotificationChannelNotFoundError);
    given(aWebhookChannelAdded(), { type: 'NotificationChannelRemoved', data: { channelId: 'channel-1', at: AT } })
      .when({ type: 'EnableChannel', data: owned })
      .thenThrows(NotificationChannelNotFoundError);
  });
});
