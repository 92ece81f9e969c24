import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';

export interface GrantView {
  readonly grantId: string;
  readonly grantor: string;
  readonly grantee: { readonly kind: string; readonly id: string };
  readonly scope: { readonly gatewayIds: string[]; readonly nodeIds: string[]; readonly sensorIds: string[] };
  readonly rights: string[];
  readonly expiresAt: string | null;
  readonly grantedAt: string;
  /** `expired` as soon as expiresAt has passed, even before the sweeper recorded it. */
  readonly status: 'active' | 'revoked' | 'expired';
  readonly endedAt: string | null;
  /** `ownership_changed`: the grantor handed the gateway over, which ended the grant; null otherwise. */
  readonly endReason: 'ownership_changed' | null;
}

export interface GrantFilter {
  /** given: grants I gave; held: grants I hold; omitted: both (admins: all grants). */
  readonly role?: 'given' | 'held';
  readonly status?: 'active' | 'revoked' | 'expired';
  /** Admins only: grants given by or to this actor id (`user:<id>`, `client:<id>`). */
  readonly actorId?: string;
  readonly after?: string;
  readonly limit: number;
}

export class ListGrants extends Query<{ items: GrantView[]; nextAfter: string | null }> {
  constructor(
    readonly principal: Principal,
    readonly filter: GrantFilter,
  ) {
    super();
  }
}
