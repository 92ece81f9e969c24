import type { StoredSubscription } from './oadr-subscription.events.js';
import type { ObjectType, Operation } from './openadr-objects.js';

/**
 * One change of an OpenADR object, as subscriptions judge it: which object, what happened, whose it is, and the
 * program and targets it carries. `object` is the wire object the notification carries (the last one for a DELETE).
 */
export interface ObjectChange {
  readonly objectType: ObjectType;
  readonly objectId: string;
  readonly operation: Exclude<Operation, 'READ'>;
  /** The utility that owns the object: only its own subscriptions ever hear of it. */
  readonly providerId: string;
  /**
   * The program the object belongs to (a program's own id for PROGRAM; for VEN, RESOURCE and REPORT the program of
   * the enrollment behind them); absent for a subscription without programID.
   */
  readonly programId?: string;
  /** The enrollment behind a VEN, RESOURCE or REPORT: not judged, kept so later events naming it find its objects. */
  readonly enrollmentId?: string;
  readonly targets: readonly string[];
  readonly object: unknown;
}

/** A live subscription as the notification process holds it. */
export interface SubscriptionInterest {
  readonly subscriptionId: string;
  readonly providerId: string;
  readonly content: StoredSubscription;
}

/** Where one change goes for one subscription: a callback URL and the fingerprint of its bearer token. */
export interface CallbackTarget {
  readonly callbackUrl: string;
  readonly bearerTokenFingerprint?: string;
}

/** The body POSTed to a callback (3.1.0 `notification`). */
export interface NotificationBody {
  readonly objectType: ObjectType;
  readonly operation: Exclude<Operation, 'READ'>;
  readonly object: unknown;
}

/**
 * The callbacks of `subscription` that must hear of `change`, one per callback URL (an URL listed under several
 * objectOperations gets the change once, with the token of the first entry that matches):
 * - only the subscription's own utility's objects (isolation between providers);
 * - an objectOperations entry naming the object type and the operation (`READ` is never notified: reads change
 *   nothing);
 * - a subscription with `programID` hears only of objects of that program (a ven, its resources and its reports
 *   belong to the program of their enrollment); objects that belong to no program are not filtered by it;
 * - a subscription with `targets` hears only of objects holding every one of them, the same rule as the `targets`
 *   query filter ("in the same manner as targets are used in response filtering", Def-3.1.0 "Subscriptions");
 * - a subscription never hears of its own creation, revision or deletion.
 */
export function matchingCallbacks(subscription: SubscriptionInterest, change: ObjectChange): CallbackTarget[] {
  if (subscription.providerId !== change.providerId) return [];
  if (change.objectType === 'SUBSCRIPTION' && change.objectId === subscription.subscriptionId) return [];
  const { programID, targets } = subscription.content;
  if (programID !== undefined && change.programId !== undefined && change.programId !== programID) return [];
  if (targets !== undefined && !targets.every((target) => change.targets.includes(target))) return [];
  const callbacks = new Map<string, CallbackTarget>();
  for (const entry of subscription.content.objectOperations) {
    if (!entry.objects.includes(change.objectType) || !entry.operations.includes(change.operation)) continue;
    if (callbacks.has(entry.callbackUrl)) continue;
    callbacks.set(entry.callbackUrl, {
      callbackUrl: entry.callbackUrl,
      ...(entry.bearerTokenFingerprint !== undefined ? { bearerTokenFingerprint: entry.bearerTokenFingerprint } : {}),
    });
  }
  return [...callbacks.values()];
}

export function notificationBody(change: ObjectChange): NotificationBody {
  return { objectType: change.objectType, operation: change.operation, object: change.object };
}
