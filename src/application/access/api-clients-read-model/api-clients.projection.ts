import {
  API_CLIENT_EVENT_TYPES,
  isApiClientEvent,
  type ApiClientEvent,
} from '../../../domain/access/api-client.events.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { API_CLIENTS_MIGRATIONS, API_CLIENTS_TABLE } from './api-clients.tables.js';

export { API_CLIENTS_TABLE };

async function applyClientEvent(tx: SqlExecutor, table: string, event: ApiClientEvent): Promise<void> {
  switch (event.type) {
    case 'ApiClientRegistered': {
      const { clientId, organisation, name, secretFingerprint, at } = event.data;
      await tx.query(
        `INSERT INTO ${table} (client_id, organisation, name, secret_fingerprint, registered_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (client_id) DO NOTHING`,
        [clientId, organisation, name, secretFingerprint, at],
      );
      return;
    }
    case 'ApiClientSecretRotated':
      await tx.query(`UPDATE ${table} SET secret_fingerprint = $2, secret_rotated_at = $3 WHERE client_id = $1`, [
        event.data.clientId,
        event.data.secretFingerprint,
        event.data.at,
      ]);
      return;
    case 'ApiClientRevoked':
      await tx.query(`UPDATE ${table} SET revoked_at = $2, revoked_reason = $3 WHERE client_id = $1`, [
        event.data.clientId,
        event.data.at,
        event.data.reason,
      ]);
      return;
  }
}

/** One row per API client: its organisation, name, current secret fingerprint and revocation. */
export const apiClientsProjection: Projection = {
  name: API_CLIENTS_TABLE,
  formerName: 'api-clients',
  eventTypes: API_CLIENT_EVENT_TYPES,
  tables: [API_CLIENTS_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table }: { table: TableResolver; sequence: number }) {
    const physical = table(API_CLIENTS_TABLE);
    for (const event of batch) if (isApiClientEvent(event)) await applyClientEvent(tx, physical, event);
  },
};

export const apiClientsReadModel: ReadModel = {
  migrations: API_CLIENTS_MIGRATIONS,
  projection: () => apiClientsProjection,
};
