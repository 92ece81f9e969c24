import { userDecider, type UserCommand, type UserState } from '../../domain/access/user.decider.js';
import type { UserEvent } from '../../domain/access/user.events.js';
import type { EventStore } from '../ports/event-store.port.js';
import type { CommandMetadata } from '../shared/command-metadata.js';
import { handleWithDecider } from '../shared/decider-command.js';
import type { AccessState } from './access-state/access-state.js';
import { USER_EVENTS, userStream } from './access-streams.js';

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
  metadata: CommandMetadata,
): Promise<UserEvent[]> {
  const { events } = await handleWithDecider(store, userStream(userId), userDecider, command, metadata, {
    events: USER_EVENTS,
    attempts: ATTEMPTS,
  });
  if (events.length > 0) accessState.apply(events);
  return events;
}
