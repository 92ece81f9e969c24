import type { DomainEvent } from '../shared/event.js';
import type { ChannelKind } from './notification-topics.js';

/** A secret kept in the key vault: the event names its vault entry and fingerprint, never the secret. */
export interface VaultSecretRef {
  readonly keyId: string;
  readonly fingerprint: string;
}

export type NotificationChannelAdded = DomainEvent<
  'NotificationChannelAdded',
  {
    readonly channelId: string;
    readonly ownerId: string;
    readonly kind: ChannelKind;
    /** The webhook URL or the e-mail address. */
    readonly address: string;
    /** Webhooks: the signing secret (`whsec_…`) in the vault. */
    readonly signingSecret?: VaultSecretRef;
    readonly at: string;
  }
>;

/** An e-mail channel's one-time code went out; the code itself is in the vault under `codeKeyId`. */
export type NotificationChannelCodeSent = DomainEvent<
  'NotificationChannelCodeSent',
  { readonly channelId: string; readonly codeKeyId: string; readonly expiresAt: string; readonly at: string }
>;

export type NotificationChannelVerificationFailed = DomainEvent<
  'NotificationChannelVerificationFailed',
  { readonly channelId: string; readonly codeKeyId: string; readonly attempt: number; readonly at: string }
>;

export type NotificationChannelVerified = DomainEvent<
  'NotificationChannelVerified',
  { readonly channelId: string; readonly at: string }
>;

/** The new secret signs from now on; the previous one signs beside it until `previousValidUntil`. */
export type NotificationWebhookSecretRotated = DomainEvent<
  'NotificationWebhookSecretRotated',
  {
    readonly channelId: string;
    readonly signingSecret: VaultSecretRef;
    readonly previous: VaultSecretRef;
    readonly previousValidUntil: string;
    readonly at: string;
  }
>;

/** `owner`: turned off by its owner; `broken`: deliveries kept failing, the owner is told once. */
export type NotificationChannelDisabled = DomainEvent<
  'NotificationChannelDisabled',
  {
    readonly channelId: string;
    readonly ownerId: string;
    readonly reason: 'owner' | 'broken';
    readonly consecutiveFailures?: number;
    readonly lastError?: string;
    readonly at: string;
  }
>;

export type NotificationChannelEnabled = DomainEvent<
  'NotificationChannelEnabled',
  { readonly channelId: string; readonly at: string }
>;

export type NotificationChannelRemoved = DomainEvent<
  'NotificationChannelRemoved',
  { readonly channelId: string; readonly at: string }
>;

export type NotificationChannelEvent =
  | NotificationChannelAdded
  | NotificationChannelCodeSent
  | NotificationChannelVerificationFailed
  | NotificationChannelVerified
  | NotificationWebhookSecretRotated
  | NotificationChannelDisabled
  | NotificationChannelEnabled
  | NotificationChannelRemoved;

/** The stored type names of `notification-channel-<id>` streams. */
export const NOTIFICATION_CHANNEL_EVENT_TYPES: readonly NotificationChannelEvent['type'][] = [
  'NotificationChannelAdded',
  'NotificationChannelCodeSent',
  'NotificationChannelVerificationFailed',
  'NotificationChannelVerified',
  'NotificationWebhookSecretRotated',
  'NotificationChannelDisabled',
  'NotificationChannelEnabled',
  'NotificationChannelRemoved',
];

export function isNotificationChannelEvent(event: { readonly type: string }): event is NotificationChannelEvent {
  return (NOTIFICATION_CHANNEL_EVENT_TYPES as readonly string[]).includes(event.type);
}
