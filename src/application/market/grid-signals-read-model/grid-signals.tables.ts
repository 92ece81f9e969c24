import type { ReadModelMigration } from '../../projections/projection.js';

export const GRID_SIGNALS_TABLE = 'oadr_events';

// One row per OpenADR event (grid signal) still in view: `seq` is publication order, `revision` the stream revision
// the row reflects, `ends_at` when it transpires (null: open-ended or only known at reading time), `zeroed` a signal
// withdrawn by a PUT to 0001-01-01/PT0S (still readable, never active).
const gridSignals = `CREATE TABLE oadr_events (
  event_id text PRIMARY KEY,
  seq bigint NOT NULL,
  program_id text NOT NULL,
  provider_id text NOT NULL,
  targets text[] NOT NULL,
  content jsonb NOT NULL,
  created_at text NOT NULL,
  modified_at text NOT NULL,
  ends_at timestamptz,
  zeroed boolean NOT NULL,
  revision integer NOT NULL
);
CREATE INDEX oadr_events_provider_idx ON oadr_events (provider_id, seq);
CREATE INDEX oadr_events_program_idx ON oadr_events (program_id, seq);
`;

export const GRID_SIGNALS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 42, name: 'market: OpenADR events (grid signals)', sql: gridSignals },
];
