import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ruleDecider } from '../../../domain/automation/rule.decider.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { RULE_EVENTS, ruleStream } from '../rule-stream.js';
import { specHash } from '../spec-hash.js';
import { ProposeRule } from './propose-rule.command.js';

/** Stores a provider's proposal; answers the hash the owner will have to accept. */
@CommandHandler(ProposeRule)
export class ProposeRuleHandler implements ICommandHandler<ProposeRule, { specHash: string }> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(command: ProposeRule): Promise<{ specHash: string }> {
    const hash = specHash(command.spec);
    await handleWithDecider(
      this.store,
      ruleStream(command.ruleId),
      ruleDecider,
      {
        type: 'ProposeRule',
        data: {
          ruleId: command.ruleId,
          ownerId: command.ownerId,
          providerId: command.providerId,
          programId: command.programId,
          spec: command.spec,
          specHash: hash,
          proposedBy: command.proposedBy,
          at: command.at.toISOString(),
        },
      },
      { actorId: command.proposedBy, correlationId: command.correlationId },
      { events: RULE_EVENTS },
    );
    return { specHash: hash };
  }
}
