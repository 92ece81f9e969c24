import type { ReadModelMigration } from '../../projections/projection.js';

export const GATEWAY_NAMES_TABLE = 'gateway_names';

const gatewayNames = `
CREATE TABLE gateway_names (
  gateway_id text PRIMARY KEY,
  name text NOT NULL
);
`;

export const GATEWAY_NAMES_MIGRATIONS: readonly ReadModelMigration[] = [{ version: 16, name: 'gateway names', sql: gatewayNames }];
