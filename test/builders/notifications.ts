import type { AlarmRaised } from '../../src/domain/monitoring/alarm.events.js';
import { aPowerCeiling } from './monitoring.js';
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

/** An alarm raised on a node of `gatewayId`: what notifications react to. */
export function anAlarmRaised(overrides: { alarmId?: string; gatewayId?: string; nodeId?: string } = {}): AlarmRaised {
  const nodeId = overrides.nodeId ?? 'zigbee:0x0000000000000001';
  return {
    type: 'AlarmRaised',
    data: {
      alarmId: overrides.alarmId ?? 'a0000000-0000-4000-8000-000000000001',
      nodeId,
      gatewayId: overrides.gatewayId ?? 'gw-1',
      sensorId: `${nodeId}/1/power`,
      kind: 'power_above',
      unit: 'W',
      since: '2026-03-01T09:59:00.000Z',
      raisedAt: '2026-03-01T10:00:00.000Z',
      setting: aPowerCeiling(),
      settingRequestId: 'request-1',
      value: 3200,
      firstValue: 3100,
      peak: 3200,
    },
  };
}
