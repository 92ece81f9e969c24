import { decideUser, type UserCommand, type UserState } from '../../domain/access/user.decider.js';
import type { UserEvent } from '../../domain/access/user.events.js';
import { WrongExpectedRevisionError, type EventStore } from '../ports/event-store.port.js';
import type { AccessState } from './access-state/access-state.js';
import { loadUser, toNewEvents, userStream, type AccessCommandMetadata } from './access-streams.js';

const ATTEMPTS = 3;

/**
 * Decides on the user's current state and appends with its revision, deciding again if another writer got in first
 * (logins append session events, so conflicts are expected, not exceptional). The appended events go straight into
 * this node's access state, so its next request already sees them.
 */
export async function updateUser(
  store: EventStore,
  accessState: AccessState,
  userId: string,
  command: (state: UserState) => UserCommand,
  metadata: AccessCommandMetadata,
): Promise<UserEvent[]> {
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await loadUser(store, userId);
    const events = decideUser(command(state), state);
    if (events.length === 0) return events;
    try {
      await store.append(userStream(userId), toNewEvents(events, metadata), { expectedRevision: revision });
      accessState.apply(events);
      return events;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
