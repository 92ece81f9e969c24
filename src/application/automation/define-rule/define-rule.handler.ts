import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ruleDecider } from '../../../domain/automation/rule.decider.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { assertSpecsOf, currentRuleView, loadVisibleRule, ruleOwnerOf } from '../owned-rule.js';
import { RULE_EVENTS, ruleStream } from '../rule-stream.js';
import type { RuleView } from '../rule-view.js';
import { specHash } from '../spec-hash.js';
import { DefineRule } from './define-rule.command.js';

/** A new rule of the caller's, in force at once when enabled; every plug it switches must be one the caller may command. */
@CommandHandler(DefineRule)
export class DefineRuleHandler implements ICommandHandler<DefineRule, RuleView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({ principal, spec, enabled, at, correlationId }: DefineRule): Promise<RuleView> {
    const ownerId = ruleOwnerOf(principal);
    const ruleId = randomUUID();
    await handleWithDecider(
      this.store,
      ruleStream(ruleId),
      ruleDecider,
      {
        type: 'DefineRule',
        data: { ruleId, ownerId, spec, specHash: specHash(spec), enabled, definedBy: ownerId, at: at.toISOString() },
      },
      { actorId: ownerId, correlationId },
      { events: RULE_EVENTS, beforeAppend: (events) => assertSpecsOf(this.policy, principal, events) },
    );
    return currentRuleView(await loadVisibleRule(this.store, principal, ruleId));
  }
}
