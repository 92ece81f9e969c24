import type { EventStore } from '../../ports/event-store.port.js';
import { apiClientDecider } from '../../../domain/access/api-client.decider.js';
import { userDecider } from '../../../domain/access/user.decider.js';
import { loadStream } from '../../shared/decider-command.js';
import { API_CLIENT_EVENTS, USER_EVENTS, clientStream, userStream } from '../access-streams.js';
import type { GranteeRef, PrincipalDirectory } from '../ports/principal-directory.port.js';

/**
 * Users and API clients as their own streams say, not as the read models say: a client registered a moment ago can
 * be granted access at once, and a revoked one cannot, whatever the projections' lag.
 */
export class EventLogPrincipalDirectory implements PrincipalDirectory {
  constructor(private readonly store: EventStore) {}

  async exists(grantee: GranteeRef): Promise<boolean> {
    const { state } =
      grantee.kind === 'user'
        ? await loadStream(this.store, userStream(grantee.id), userDecider, USER_EVENTS)
        : await loadStream(this.store, clientStream(grantee.id), apiClientDecider, API_CLIENT_EVENTS);
    return state.status === 'active';
  }
}
