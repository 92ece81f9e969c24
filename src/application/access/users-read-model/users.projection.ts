import { USER_EVENT_TYPES, isUserEvent, type UserEvent } from '../../../domain/access/user.events.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { USERS_MIGRATIONS, USERS_TABLE } from './users.tables.js';

export { USERS_TABLE };
const PROFILE_EVENTS: readonly UserEvent['type'][] = ['UserRegistered', 'UserRoleChanged', 'UserDisabled'];

async function applyUserEvent(tx: SqlExecutor, table: string, event: UserEvent): Promise<void> {
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, email, displayName, role, at } = event.data;
      await tx.query(
        `INSERT INTO ${table} (user_id, email, display_name, role, registered_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (user_id) DO NOTHING`,
        [userId, email, displayName, role, at],
      );
      return;
    }
    case 'UserRoleChanged':
      await tx.query(`UPDATE ${table} SET role = $2, updated_at = $3 WHERE user_id = $1`, [
        event.data.userId,
        event.data.role,
        event.data.at,
      ]);
      return;
    case 'UserDisabled':
      await tx.query(`UPDATE ${table} SET disabled_at = $2, disabled_reason = $3, updated_at = $2 WHERE user_id = $1`, [
        event.data.userId,
        event.data.at,
        event.data.reason,
      ]);
      return;
    case 'UserPasswordChanged':
    case 'UserSessionStarted':
    case 'UserSessionEnded':
      return;
  }
}

/** One row per user: profile, role and disabled state. Sessions are not part of it (they are in the log and auth_sessions). */
export const usersProjection: Projection = {
  name: USERS_TABLE,
  eventTypes: PROFILE_EVENTS.filter((type) => USER_EVENT_TYPES.includes(type)),
  tables: [USERS_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table }: { table: TableResolver; sequence: number }) {
    const physical = table(USERS_TABLE);
    for (const event of batch) if (isUserEvent(event)) await applyUserEvent(tx, physical, event);
  },
};

export const usersReadModel: ReadModel = { migrations: USERS_MIGRATIONS, projection: () => usersProjection };
