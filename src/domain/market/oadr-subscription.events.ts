import type { DomainEvent } from '../shared/event.js';
import type { ObjectType, Operation } from './openadr-objects.js';

/**
 * A subscription as stored: the request without its callbacks' bearer tokens. Those are credentials of the
 * subscriber's receiver; they live in the key vault under `oadrCallbackTokenKey` and the log holds a fingerprint.
 */
export interface StoredObjectOperation {
  readonly objects: readonly ObjectType[];
  readonly operations: readonly Operation[];
  readonly callbackUrl: string;
  readonly bearerTokenFingerprint?: string;
}

export interface StoredSubscription {
  readonly clientName: string;
  readonly programID?: string;
  readonly objectOperations: readonly StoredObjectOperation[];
  readonly targets?: readonly string[];
}

export type OadrSubscriptionCreated = DomainEvent<
  'OadrSubscriptionCreated',
  {
    readonly subscriptionId: string;
    readonly providerId: string;
    readonly clientId: string;
    readonly content: StoredSubscription;
    readonly at: string;
  }
>;

export type OadrSubscriptionRevised = DomainEvent<
  'OadrSubscriptionRevised',
  { readonly subscriptionId: string; readonly content: StoredSubscription; readonly at: string }
>;

export type OadrSubscriptionDeleted = DomainEvent<
  'OadrSubscriptionDeleted',
  { readonly subscriptionId: string; readonly at: string }
>;

export type OadrSubscriptionEvent = OadrSubscriptionCreated | OadrSubscriptionRevised | OadrSubscriptionDeleted;
export type OadrSubscriptionEventType = OadrSubscriptionEvent['type'];

export const OADR_SUBSCRIPTION_EVENT_TYPES: readonly OadrSubscriptionEventType[] = [
  'OadrSubscriptionCreated',
  'OadrSubscriptionRevised',
  'OadrSubscriptionDeleted',
];

export function isOadrSubscriptionEvent(event: {
  readonly type: string;
  readonly data: unknown;
}): event is OadrSubscriptionEvent {
  return (OADR_SUBSCRIPTION_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** Where a callback's bearer token is kept in the key vault. */
export function oadrCallbackTokenKey(subscriptionId: string, fingerprint: string): string {
  return `oadr-callback-token:${subscriptionId}:${fingerprint}`;
}
