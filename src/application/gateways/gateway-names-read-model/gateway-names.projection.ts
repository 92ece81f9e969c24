import type { Projection } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { upsertNames } from './gateway-names.sql.js';
import { GATEWAY_NAMES_MIGRATIONS, GATEWAY_NAMES_TABLE } from './gateway-names.tables.js';

export const gatewayNamesProjection: Projection = {
  name: GATEWAY_NAMES_TABLE,
  eventTypes: ['GatewayRegistered'],
  tables: [GATEWAY_NAMES_TABLE],
  async apply(batch, tx, { table }) {
    const rows = batch.map((e) => e.data as { gatewayId: string; name: string }).map((d) => [d.gatewayId, d.name] as const);
    await upsertNames(tx, table(GATEWAY_NAMES_TABLE), rows);
  },
};

export const gatewayNamesReadModel: ReadModel = { migrations: GATEWAY_NAMES_MIGRATIONS, projection: () => gatewayNamesProjection };
