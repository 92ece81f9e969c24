import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { planHolds } from '../../../domain/automation/plan-holds.js';
import type { Plan, PlannerInput, PlannerRule } from '../../../domain/automation/planner.types.js';
import { InvalidRuleError } from '../../../domain/automation/rule.errors.js';
import type { RuleSpec } from '../../../domain/automation/rule-spec.js';
import { ruleSpecProblems } from '../../../domain/automation/rule-spec.validation.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { assertRuleSensors, ruleOwnerOf } from '../owned-rule.js';
import { ENROLLMENT_SOURCE, type EnrollmentSource } from '../ports/enrollment-source.port.js';
import { DryRunRules } from '../query-rules/rule.queries.js';
import { selectRuleRows } from '../rules-read-model/rules.projection.js';
import { RULES_TABLE } from '../rules-read-model/rules.tables.js';
import { loadAlarms, loadPlugFacts, loadProgramSignals } from './planner-inputs.sql.js';

/** A dry run covers at most this long: a month of quarter-hour prices is already 3,000 slots. */
export const DRY_RUN_MAX_DAYS = 31;
export const DRAFT_RULE_ID = 'draft';

function sensorsOf(rules: readonly PlannerRule[]): string[] {
  const ids = new Set<string>();
  for (const { spec } of rules) {
    for (const a of spec.then) if (a.kind !== 'notify') a.resources.forEach((r) => ids.add(r));
    for (const c of spec.only ?? []) if (c.kind === 'load_above') ids.add(c.sensorId);
  }
  return [...ids];
}

/** Programs the rules name; null when a price trigger takes any program's prices. */
function programsOf(rules: readonly PlannerRule[]): string[] | null {
  const ids = new Set<string>();
  for (const { spec } of rules) {
    for (const t of spec.when) {
      if (t.kind === 'alert' || ((t.kind === 'price' || t.kind === 'price_rank' || t.kind === 'ghg') && !t.programId)) {
        return null;
      }
      if ('programId' in t && t.programId) ids.add(t.programId);
    }
  }
  return [...ids];
}

/**
 * The plan the executor would make over `[from, to)`: the same pure `planHolds`, fed from the read models (rules in
 * force, grid signals, enrollments, alarms, latest plug states). A draft spec is planned beside them (or alone) so an
 * owner can see what a rule would do before saving it.
 */
@QueryHandler(DryRunRules)
export class DryRunRulesHandler implements IQueryHandler<DryRunRules, Plan> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(ENROLLMENT_SOURCE) private readonly enrollments: EnrollmentSource,
  ) {}

  async execute({ principal, from, to, draft, onlyDraft }: DryRunRules): Promise<Plan> {
    const ownerId = ruleOwnerOf(principal);
    const interval = { from: from.getTime(), to: to.getTime() };
    if (!(interval.to > interval.from) || interval.to - interval.from > DRY_RUN_MAX_DAYS * 86_400_000) {
      throw new InvalidRuleError([`to must be after from, at most ${DRY_RUN_MAX_DAYS} days later`]);
    }
    const rules: PlannerRule[] = [];
    if (!onlyDraft) {
      const rows = await selectRuleRows(this.db, RULES_TABLE, 'owner_id = $1 AND in_force AND deleted_at IS NULL', [
        ownerId,
      ]);
      rules.push(...rows.map((r) => ({ ruleId: r.state.ruleId, spec: r.state.spec })));
    }
    if (draft) {
      const problems = ruleSpecProblems(draft);
      if (problems.length > 0) throw new InvalidRuleError(problems);
      await assertRuleSensors(this.policy, principal, draft as RuleSpec);
      rules.push({ ruleId: DRAFT_RULE_ID, spec: draft });
    }
    const timeZone = rules[0]?.spec.timezone ?? 'UTC';
    const input: PlannerInput = {
      rules,
      interval,
      signals: rules.length === 0 ? [] : await loadProgramSignals(this.db, programsOf(rules), interval, timeZone),
      enrollments: await this.enrollments.enrollmentsOf(ownerId),
      alarms: await loadAlarms(this.db, await this.policy.sensorScope(principal, 'read'), interval),
      plugs: await loadPlugFacts(this.db, sensorsOf(rules)),
    };
    return planHolds(input);
  }
}
