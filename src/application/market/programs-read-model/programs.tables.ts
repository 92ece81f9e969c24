import type { ReadModelMigration } from '../../projections/projection.js';

export const PROGRAMS_TABLE = 'oadr_programs';

// One row per published program; `seq` is the order of publication (stable pages), `revision` the stream revision
// the row reflects (a writer waits for it before answering, so its next read sees its write). Names are unique per
// VTN: the command checks it; the index only serves that check.
const programs = `CREATE TABLE oadr_programs (
  program_id text PRIMARY KEY,
  seq bigint NOT NULL,
  provider_id text NOT NULL,
  program_name text NOT NULL,
  targets text[] NOT NULL,
  content jsonb NOT NULL,
  created_at text NOT NULL,
  modified_at text NOT NULL,
  revision integer NOT NULL
);
CREATE INDEX oadr_programs_provider_idx ON oadr_programs (provider_id, seq);
CREATE INDEX oadr_programs_name_idx ON oadr_programs (program_name);
`;

export const PROGRAMS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 41, name: 'market: OpenADR programs', sql: programs },
];
