import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ruleDecider, type RuleActor, type RuleCommand } from '../../../domain/automation/rule.decider.js';
import { assertNever } from '../../../domain/shared/decider.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { assertRuleSensors, assertSpecsOf, currentRuleView, loadVisibleRule, ruleActorOf } from '../owned-rule.js';
import { RULE_EVENTS, ruleStream } from '../rule-stream.js';
import { specHash } from '../spec-hash.js';
import { ChangeRule, type ChangedRule, type RuleChange } from './change-rule.command.js';

function commandOf(change: RuleChange, on: { ruleId: string; by: RuleActor; at: string }): RuleCommand {
  switch (change.kind) {
    case 'revise':
      return {
        type: 'ReviseRule',
        data: {
          ...on,
          spec: change.spec,
          specHash: specHash(change.spec),
          ...(change.expectedVersion === undefined ? {} : { expectedVersion: change.expectedVersion }),
        },
      };
    case 'enable':
      return { type: 'EnableRule', data: on };
    case 'disable':
      return { type: 'DisableRule', data: { ...on, ...(change.reason ? { reason: change.reason } : {}) } };
    case 'accept':
      return { type: 'AcceptRule', data: { ...on, specHash: change.specHash } };
    case 'decline':
      return {
        type: 'DeclineRule',
        data: { ...on, specHash: change.specHash, ...(change.reason ? { reason: change.reason } : {}) },
      };
    case 'delete':
      return { type: 'DeleteRule', data: on };
    default:
      return assertNever(change);
  }
}

/**
 * Every change of an existing rule, decided on its stream. The owner revises, enables, disables, deletes, and accepts
 * or declines a proposal; a provider revises or withdraws its own proposal. Plugs are checked against the caller's
 * rights before a revision, an acceptance or an enabling is stored. Answers the rule as it now is, or null once deleted.
 */
@CommandHandler(ChangeRule)
export class ChangeRuleHandler implements ICommandHandler<ChangeRule, ChangedRule> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({ principal, ruleId, change, at, correlationId }: ChangeRule): Promise<ChangedRule> {
    const by = ruleActorOf(principal);
    const current = await loadVisibleRule(this.store, principal, ruleId);
    // Enabling arms the rule: its plugs must still be the caller's (their gateway may have changed hands). Checked
    // even when the rule is enabled already, so the answer never says a plug of someone else's is armed by the caller.
    if (change.kind === 'enable') await assertRuleSensors(this.policy, principal, current.state.spec);
    await handleWithDecider(
      this.store,
      ruleStream(ruleId),
      ruleDecider,
      commandOf(change, { ruleId, by, at: at.toISOString() }),
      { actorId: by.actorId, correlationId },
      {
        events: RULE_EVENTS,
        beforeAppend: async (events) => {
          if (by.kind === 'owner') await assertSpecsOf(this.policy, principal, events);
          if (change.kind === 'accept') await assertRuleSensors(this.policy, principal, current.state.spec);
        },
      },
    );
    if (change.kind === 'delete') return { view: null };
    return { view: currentRuleView(await loadVisibleRule(this.store, principal, ruleId)) };
  }
}
