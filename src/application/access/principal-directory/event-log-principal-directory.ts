import type { EventStore } from '../../ports/event-store.port.js';
import { loadApiClient, loadUser } from '../access-streams.js';
import type { GranteeRef, PrincipalDirectory } from '../ports/principal-directory.port.js';

/**
 * Users and API clients as their own streams say, not as the read models say: a client registered a moment ago can
 * be granted access at once, and a revoked one cannot, whatever the projections' lag.
 */
export class EventLogPrincipalDirectory implements PrincipalDirectory {
  constructor(private readonly store: EventStore) {}

  async exists(grantee: GranteeRef): Promise<boolean> {
    const { state } = grantee.kind === 'user' ? await loadUser(this.store, grantee.id) : await loadApiClient(this.store, grantee.id);
    return state.status === 'active';
  }
}
