import type { ReadModelMigration } from '../../projections/projection.js';

/** Per node with an alarm setting: the alarm states and the revision of its `alarm-<nodeId>` stream. */
export const ALARM_EVALUATION_TABLE = 'alarm_evaluation';

// Part 1 of migration 12 (the alarms read model holds part 2). Not rebuilt by rebuilds: it goes with the events
// the evaluation appended.
const alarmEvaluation = `
CREATE TABLE alarm_evaluation (
  node_id text PRIMARY KEY,
  stream_revision bigint,
  state jsonb NOT NULL
);
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const ALARM_EVALUATION_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 12, name: 'alarms: evaluation state, open and past alarms', sql: alarmEvaluation, part: 1 },
];
