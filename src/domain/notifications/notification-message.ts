import type { AlarmEvent } from '../monitoring/alarm.events.js';
import type { NotificationTopic } from './notification-topics.js';

/** What every channel says about one subject event: a title, a plain text, and the facts as data for webhooks. */
export interface NotificationMessage {
  readonly topic: NotificationTopic;
  readonly urgent: boolean;
  readonly title: string;
  readonly text: string;
  readonly data: Readonly<Record<string, unknown>>;
}

const KIND_TEXT = { power_above: 'power above its limit', voltage_band: 'voltage outside its band' } as const;

/** The message for an alarm raised or cleared (monitoring context). */
export function alarmMessage(event: AlarmEvent): NotificationMessage {
  const { alarmId, nodeId, sensorId, kind, unit } = event.data;
  const what = KIND_TEXT[kind];
  const facts = { alarmId, nodeId, sensorId, kind, unit };
  if (event.type === 'AlarmRaised') {
    const { value, peak, since, raisedAt } = event.data;
    return {
      topic: 'alarm_raised',
      urgent: false,
      title: `Alarm: ${what} on node ${nodeId}`,
      text: `Sensor ${sensorId} on node ${nodeId} reports ${what}: ${value} ${unit} (peak ${peak} ${unit}) since ${since}.`,
      data: { ...facts, value, peak, since, raisedAt },
    };
  }
  const { clearedAt, reason, value, peak } = event.data;
  return {
    topic: 'alarm_cleared',
    urgent: false,
    title: `Alarm cleared: ${what} on node ${nodeId}`,
    text: `The alarm on sensor ${sensorId} of node ${nodeId} ended at ${clearedAt} (${reason.replace(/_/g, ' ')}); peak ${peak} ${unit}.`,
    data: { ...facts, clearedAt, reason, value, peak },
  };
}

/** The message the owner gets, in the inbox, when a channel is switched off after failing repeatedly. */
export function channelBrokenMessage(data: {
  channelId: string;
  consecutiveFailures?: number;
  lastError?: string;
}): NotificationMessage {
  const failures = data.consecutiveFailures ?? 0;
  return {
    topic: 'channel_broken',
    urgent: false,
    title: 'A notification channel was switched off',
    text: `Channel ${data.channelId} failed ${failures} deliveries in a row (last: ${data.lastError ?? 'unknown'}) and no longer receives notifications. Fix it and enable it again.`,
    data: {
      channelId: data.channelId,
      consecutiveFailures: failures,
      ...(data.lastError ? { lastError: data.lastError } : {}),
    },
  };
}
