import { isRuleInForce, ruleDecider, type RuleState } from '../../../domain/automation/rule.decider.js';
import {
  AUTOMATION_RULE_EVENT_TYPES,
  isAutomationRuleEvent,
  type AutomationRuleEvent,
} from '../../../domain/automation/rule.events.js';
import type { RuleSpec } from '../../../domain/automation/rule-spec.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { epochMs, isoFromEpochMs } from '../../shared/sql.js';
import { ruleView } from '../owned-rule.js';
import type { RuleView } from '../rule-view.js';
import { RULES_MIGRATIONS, RULES_TABLE } from './rules.tables.js';

type Existing = Exclude<RuleState, { status: 'none' }>;

export interface RuleRow {
  readonly state: Existing;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface StoredRow {
  rule_id: string;
  owner_id: string;
  provider_id: string | null;
  program_id: string | null;
  spec: RuleSpec | string;
  spec_hash: string;
  accepted_hash: string | null;
  acceptance: Existing['acceptance'];
  enabled: boolean;
  version: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

const COLUMNS = `rule_id, owner_id, provider_id, program_id, spec, spec_hash, accepted_hash, acceptance, enabled, version,
  ${epochMs('created_at')}, ${epochMs('updated_at')}, ${epochMs('deleted_at')}`;

function toRow(row: StoredRow): RuleRow {
  const spec = typeof row.spec === 'string' ? (JSON.parse(row.spec) as RuleSpec) : row.spec;
  return {
    state: {
      status: row.deleted_at === null ? 'active' : 'deleted',
      ruleId: row.rule_id,
      ownerId: row.owner_id,
      origin:
        row.provider_id === null
          ? { kind: 'owner' }
          : { kind: 'provider', providerId: row.provider_id, programId: row.program_id ?? '' },
      spec,
      specHash: row.spec_hash,
      acceptedHash: row.accepted_hash,
      acceptance: row.acceptance,
      enabled: row.enabled,
      version: Number(row.version),
    },
    createdAt: isoFromEpochMs(row.created_at),
    updatedAt: isoFromEpochMs(row.updated_at),
  };
}

export async function selectRuleRows(
  db: SqlExecutor,
  table: string,
  where: string,
  params: readonly unknown[],
): Promise<RuleRow[]> {
  const rows = await db.query<StoredRow>(`SELECT ${COLUMNS} FROM ${table} WHERE ${where}`, params);
  return rows.map(toRow);
}

export function viewOfRow(row: RuleRow): RuleView {
  return ruleView(row.state, row.createdAt, row.updatedAt);
}

const ruleIdOf = (event: RecordedEvent) => (event.data as { ruleId: string }).ruleId;

/** One row per rule, its state folded by the rule decider itself, so the list says exactly what the planner sees. */
export const rulesProjection: Projection = {
  name: RULES_TABLE,
  eventTypes: AUTOMATION_RULE_EVENT_TYPES,
  tables: [RULES_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table }: { table: TableResolver }) {
    const relevant = batch.filter((e): e is RecordedEvent & AutomationRuleEvent => isAutomationRuleEvent(e));
    if (relevant.length === 0) return;
    const rules = table(RULES_TABLE);
    const ids = [...new Set(relevant.map(ruleIdOf))];
    const rows = new Map<string, { state: RuleState; createdAt: string; updatedAt: string; deletedAt: string | null }>(
      (await selectRuleRows(tx, rules, 'rule_id = ANY($1::text[])', [ids])).map((r) => [
        r.state.ruleId,
        { ...r, deletedAt: r.state.status === 'deleted' ? r.updatedAt : null },
      ]),
    );
    for (const event of relevant) {
      const id = ruleIdOf(event);
      const before = rows.get(id);
      const state = ruleDecider.evolve(before?.state ?? ruleDecider.initialState(), event);
      if (state.status === 'none') continue;
      rows.set(id, {
        state,
        createdAt: before?.createdAt ?? event.recordedAt,
        updatedAt: event.recordedAt,
        deletedAt: event.type === 'AutomationRuleDeleted' ? event.recordedAt : (before?.deletedAt ?? null),
      });
    }
    for (const id of ids) {
      const row = rows.get(id);
      if (!row || row.state.status === 'none') continue;
      const s = row.state;
      await tx.query(
        `INSERT INTO ${rules} (rule_id, owner_id, provider_id, program_id, name, spec, spec_hash, accepted_hash,
           acceptance, enabled, in_force, version, created_at, updated_at, deleted_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13::timestamptz, $14::timestamptz, $15::timestamptz)
         ON CONFLICT (rule_id) DO UPDATE SET name = EXCLUDED.name, spec = EXCLUDED.spec, spec_hash = EXCLUDED.spec_hash,
           accepted_hash = EXCLUDED.accepted_hash, acceptance = EXCLUDED.acceptance, enabled = EXCLUDED.enabled,
           in_force = EXCLUDED.in_force, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
           deleted_at = EXCLUDED.deleted_at`,
        [
          s.ruleId,
          s.ownerId,
          s.origin.kind === 'provider' ? s.origin.providerId : null,
          s.origin.kind === 'provider' ? s.origin.programId : null,
          s.spec.name,
          JSON.stringify(s.spec),
          s.specHash,
          s.acceptedHash,
          s.acceptance,
          s.enabled,
          isRuleInForce(s),
          s.version,
          row.createdAt,
          row.updatedAt,
          row.deletedAt,
        ],
      );
    }
  },
};

export const rulesReadModel: ReadModel = {
  migrations: RULES_MIGRATIONS,
  projection: () => rulesProjection,
};
