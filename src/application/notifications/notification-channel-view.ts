import type { NotificationChannelState } from '../../domain/notifications/notification-channel.decider.js';
import type { ChannelKind } from '../../domain/notifications/notification-topics.js';

export interface NotificationChannelView {
  readonly channelId: string;
  readonly kind: ChannelKind;
  readonly address: string;
  readonly status: 'unverified' | 'active' | 'disabled' | 'broken';
  readonly verified: boolean;
  /** Webhooks: the fingerprint of the secret that signs now. */
  readonly signingSecretFingerprint?: string;
  /** Webhooks during a rotation: until when the previous secret signs too. */
  readonly previousSecretValidUntil?: string;
}

/** A channel as its owner sees it; never a secret. */
export function channelView(state: NotificationChannelState): NotificationChannelView {
  if (state.status === 'none' || state.status === 'removed') throw new Error('a channel shown exists');
  return {
    channelId: state.channelId,
    kind: state.kind,
    address: state.address,
    status: state.status,
    verified: state.verified,
    ...(state.signingSecret ? { signingSecretFingerprint: state.signingSecret.fingerprint } : {}),
    ...(state.previousSecret ? { previousSecretValidUntil: state.previousSecret.validUntil } : {}),
  };
}

/** A channel just created or re-keyed, with its signing secret: the only answer that ever shows it. */
export interface NotificationChannelWithSecret {
  readonly channel: NotificationChannelView;
  readonly signingSecret?: string;
}
