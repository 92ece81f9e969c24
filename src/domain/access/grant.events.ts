import type { DomainEvent } from '../shared/event.js';

export const GRANT_RIGHTS = ['read', 'aggregate', 'command'] as const;
export type GrantRight = (typeof GRANT_RIGHTS)[number];

export const GRANTEE_KINDS = ['user', 'client'] as const;
export interface Grantee {
  readonly kind: (typeof GRANTEE_KINDS)[number];
  readonly id: string;
}

/** What a grant covers: a gateway covers its nodes and sensors, a node its sensors. At least one id in all. */
export interface GrantScope {
  readonly gatewayIds?: readonly string[];
  readonly nodeIds?: readonly string[];
  readonly sensorIds?: readonly string[];
}

export type AccessGranted = DomainEvent<
  'AccessGranted',
  {
    readonly grantId: string;
    /** Actor id of who gave it (`user:<id>`). */
    readonly grantor: string;
    readonly grantee: Grantee;
    readonly scope: GrantScope;
    /** Normalised: `read` always comes with `aggregate`. */
    readonly rights: readonly GrantRight[];
    readonly expiresAt?: string;
    /**
     * Given by an admin, over objects the admin need not own: nothing bounds it but its own end. Absent, the grant
     * reaches only data of its grantor's ownership periods and ends when the grantor hands the objects over.
     */
    readonly asAdmin?: true;
    readonly at: string;
  }
>;

export type AccessRevoked = DomainEvent<
  'AccessRevoked',
  {
    readonly grantId: string;
    readonly revokedBy: string;
    readonly at: string;
    /** `ownership_changed`: the grantor no longer owns the gateway; absent on a revoke by grantor, grantee or admin. */
    readonly reason?: 'ownership_changed';
    /** With `ownership_changed`: the gateway that changed hands. */
    readonly gatewayId?: string;
  }
>;

/** Appended by the expiry sweeper; requests already treat a grant past `expiresAt` as gone before this exists. */
export type AccessExpired = DomainEvent<
  'AccessExpired',
  { readonly grantId: string; readonly expiresAt: string; readonly at: string }
>;

export type GrantEvent = AccessGranted | AccessRevoked | AccessExpired;

export const GRANT_EVENT_TYPES: readonly GrantEvent['type'][] = ['AccessGranted', 'AccessRevoked', 'AccessExpired'];

export function isGrantEvent(event: { readonly type: string; readonly data: unknown }): event is GrantEvent {
  return (GRANT_EVENT_TYPES as readonly string[]).includes(event.type);
}
