import { Module } from '@nestjs/common';
import { ChangeRuleHandler } from '../../../application/automation/change-rule/change-rule.handler.js';
import { DefineRuleHandler } from '../../../application/automation/define-rule/define-rule.handler.js';
import { DryRunRulesHandler } from '../../../application/automation/dry-run-rules/dry-run-rules.handler.js';
import { ENROLLMENT_SOURCE, NO_ENROLLMENTS } from '../../../application/automation/ports/enrollment-source.port.js';
import { ProposeRuleHandler } from '../../../application/automation/propose-rule/propose-rule.handler.js';
import { GetRuleHandler, ListRulesHandler } from '../../../application/automation/query-rules/query-rules.handlers.js';
import { AccessPolicyModule } from '../access/access-policy.module.js';
import { RulesController } from './rules.controller.js';

@Module({
  imports: [AccessPolicyModule],
  controllers: [RulesController],
  providers: [
    DefineRuleHandler,
    ProposeRuleHandler,
    ChangeRuleHandler,
    ListRulesHandler,
    GetRuleHandler,
    DryRunRulesHandler,
    // Until the market context provides enrollments, DR triggers plan nothing; price rules need none.
    { provide: ENROLLMENT_SOURCE, useValue: NO_ENROLLMENTS },
  ],
})
export class AutomationModule {}
