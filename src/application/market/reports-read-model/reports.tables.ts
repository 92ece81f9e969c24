import type { ReadModelMigration } from '../../projections/projection.js';

export const REPORTS_TABLE = 'oadr_reports';

// One row per report in view, keyed by report id (never by name: names may repeat, MARKET.md §10 O4). `seq` is the
// order of submission (stable pages), `program_id` the event's program (3.1.0 reports carry none, the filter does).
const reports = `CREATE TABLE oadr_reports (
  report_id text PRIMARY KEY,
  seq bigint NOT NULL,
  provider_id text NOT NULL,
  program_id text NOT NULL,
  event_id text NOT NULL,
  ven_id text NOT NULL,
  client_id text NOT NULL,
  client_name text NOT NULL,
  content jsonb NOT NULL,
  created_at text NOT NULL,
  modified_at text NOT NULL
);
CREATE INDEX oadr_reports_provider_idx ON oadr_reports (provider_id, seq);
`;

export const REPORTS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 47, name: 'market: OpenADR reports', sql: reports },
];
