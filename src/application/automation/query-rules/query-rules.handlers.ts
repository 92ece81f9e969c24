import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { currentRuleView, loadVisibleRule, ruleActorOf } from '../owned-rule.js';
import type { RulePage, RuleView } from '../rule-view.js';
import { selectRuleRows, viewOfRow } from '../rules-read-model/rules.projection.js';
import { RULES_TABLE } from '../rules-read-model/rules.tables.js';
import { GetRule, ListRules } from './rule.queries.js';

/** The caller's own rules (and proposals made to it) by name; a provider's client sees the proposals it made. */
@QueryHandler(ListRules)
export class ListRulesHandler implements IQueryHandler<ListRules, RulePage> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal }: ListRules): Promise<RulePage> {
    const actor = ruleActorOf(principal);
    const rows =
      actor.kind === 'owner'
        ? await selectRuleRows(
            this.db,
            RULES_TABLE,
            'owner_id = $1 AND deleted_at IS NULL ORDER BY lower(name), rule_id',
            [actor.ownerId],
          )
        : await selectRuleRows(this.db, RULES_TABLE, 'provider_id = $1 AND deleted_at IS NULL ORDER BY rule_id', [
            actor.providerId,
          ]);
    return { items: rows.map(viewOfRow) };
  }
}

/** One rule folded from its stream: what the next change will be decided on. */
@QueryHandler(GetRule)
export class GetRuleHandler implements IQueryHandler<GetRule, RuleView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal, ruleId }: GetRule): Promise<RuleView> {
    return currentRuleView(await loadVisibleRule(this.store, principal, ruleId));
  }
}
