import type { Principal } from '../../domain/access/principal.js';
import {
  notificationChannelDecider,
  type NotificationChannelState,
} from '../../domain/notifications/notification-channel.decider.js';
import { NotificationChannelNotFoundError } from '../../domain/notifications/notification.errors.js';
import type { EventStore } from '../ports/event-store.port.js';
import { loadStream } from '../shared/decider-command.js';
import { NOTIFICATION_CHANNEL_EVENTS, notificationChannelStream, notificationOwnerOf } from './notification-streams.js';

export type OwnedChannel = Exclude<NotificationChannelState, { status: 'none' | 'removed' }>;

/** The caller's channel folded from its stream (current at once after a write); anyone else's is not found. */
export async function loadOwnedChannel(
  store: EventStore,
  principal: Principal,
  channelId: string,
): Promise<OwnedChannel> {
  const ownerId = notificationOwnerOf(principal);
  const { state } = await loadStream(
    store,
    notificationChannelStream(channelId),
    notificationChannelDecider,
    NOTIFICATION_CHANNEL_EVENTS,
  );
  if (state.status === 'none' || state.status === 'removed' || state.ownerId !== ownerId) {
    throw new NotificationChannelNotFoundError(channelId);
  }
  return state;
}
