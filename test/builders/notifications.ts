import type { NotificationChannelEvent } from '../../src/domain/notifications/notification-channel.events.js';

const AT = '2026-03-01T10:00:00.000Z';

export function aWebhookChannelAdded(
  overrides: { channelId?: string; ownerId?: string; address?: string } = {},
): NotificationChannelEvent {
  return {
    type: 'NotificationChannelAdded',
    data: {
      channelId: overrides.channelId ?? 'channel-1',
      ownerId: overrides.ownerId ?? 'user-1',
      kind: 'webhook',
      address: overrides.address ?? 'https://hooks.example.com/wattlog',
      signingSecret: { keyId: 'notification-webhook-secret:channel-1:1', fingerprint: 'f1' },
      at: AT,
    },
  };
}

export function anEmailChannelAdded(
  overrides: { channelId?: string; ownerId?: string; address?: string } = {},
): NotificationChannelEvent {
  return {
    type: 'NotificationChannelAdded',
    data: {
      channelId: overrides.channelId ?? 'channel-1',
      ownerId: overrides.ownerId ?? 'user-1',
      kind: 'email',
      address: overrides.address ?? 'owner@example.com',
      at: AT,
    },
  };
}

export function aVerificationCodeSent(
  overrides: { channelId?: string; codeKeyId?: string; expiresAt?: string } = {},
): NotificationChannelEvent {
  return {
    type: 'NotificationChannelCodeSent',
    data: {
      channelId: overrides.channelId ?? 'channel-1',
      codeKeyId: overrides.codeKeyId ?? 'code-1',
      expiresAt: overrides.expiresAt ?? '2026-03-01T10:15:00.000Z',
      at: AT,
    },
  };
}
