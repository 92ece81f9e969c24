import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  ChangeRule,
  type ChangedRule,
  type RuleChange,
} from '../../../application/automation/change-rule/change-rule.command.js';
import { DefineRule } from '../../../application/automation/define-rule/define-rule.command.js';
import { DryRunRules, GetRule, ListRules } from '../../../application/automation/query-rules/rule.queries.js';
import type { RulePage, RuleView } from '../../../application/automation/rule-view.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import type { Plan } from '../../../domain/automation/planner.types.js';
import { RuleNotFoundError } from '../../../domain/automation/rule.errors.js';
import type { RuleSpec } from '../../../domain/automation/rule-spec.js';
import { RULE_LIMITS } from '../../../domain/automation/rule-spec.validation.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { CorrelationId } from '../shared/correlation-id.js';
import {
  AcceptRuleRequestDto,
  DeclineRuleRequestDto,
  DefineRuleRequestDto,
  DisableRuleRequestDto,
  DryRunRequestDto,
  ReviseRuleRequestDto,
  type RuleSpecRequestDto,
} from './rules.request.dto.js';
import { PlanDto, RuleDto, RulePageDto } from './rules.response.dto.js';

const RULE_ID = ApiParam({ name: 'id', schema: { type: 'string', maxLength: 64 } });
const NOT_FOUND = [404, "The rule does not exist, is deleted, or is not the caller's"] as const;
const SPEC_PROBLEMS = [
  [400, 'The spec is invalid: `detail` names each problem'],
  [404, "The rule is not the caller's, or it names a plug the caller may not command or a sensor it may not read"],
  413,
  415,
] as const;

/** An unknown id and someone else's rule answer alike; an id that cannot be one is not looked up. */
function ruleId(id: string): string {
  if (!RULE_LIMITS.idPattern.test(id)) throw new RuleNotFoundError(id.slice(0, 64));
  return id;
}

/** The DTO's outline is checked; the domain checks every field of the items and names each problem. */
function specOf(dto: RuleSpecRequestDto): RuleSpec {
  return { ...dto } as unknown as RuleSpec;
}

@Controller('api/rules')
@UseGuards(AuthenticationGuard)
@ApiTags('automation')
@ApiBearer()
export class RulesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async change(principal: Principal, id: string, change: RuleChange, correlationId: string) {
    const result = await this.commands.execute<ChangeRule, ChangedRule>(
      new ChangeRule(principal, ruleId(id), change, this.clock.now(), correlationId),
    );
    return result.view;
  }

  @Get()
  @ApiOperation({ operationId: 'listRules', summary: "The caller's rules, and the proposals made to it" })
  @ApiOkResponse({ type: RulePageDto })
  list(@CurrentPrincipal() principal: Principal): Promise<RulePage> {
    return this.queries.execute(new ListRules(principal));
  }

  @Post()
  @ApiOperation({ operationId: 'defineRule', summary: 'A new rule of the caller’s, in force at once unless disabled' })
  @ApiCreatedResponse({ type: RuleDto })
  @ApiProblems(...SPEC_PROBLEMS)
  define(
    @CurrentPrincipal() principal: Principal,
    @Body() body: DefineRuleRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<RuleView> {
    return this.commands.execute(
      new DefineRule(principal, specOf(body.spec), body.enabled ?? true, this.clock.now(), correlationId),
    );
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'dryRunRules',
    summary: 'What the caller’s rules in force (and a draft) would switch over a range, and why not elsewhere',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(...SPEC_PROBLEMS)
  dryRun(@CurrentPrincipal() principal: Principal, @Body() body: DryRunRequestDto): Promise<Plan> {
    return this.queries.execute(
      new DryRunRules(
        principal,
        new Date(body.from),
        new Date(body.to),
        body.draft ? specOf(body.draft) : null,
        body.onlyDraft ?? false,
      ),
    );
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getRule', summary: 'One rule at its newest version' })
  @RULE_ID
  @ApiOkResponse({ type: RuleDto })
  @ApiProblems(NOT_FOUND)
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<RuleView> {
    return this.queries.execute(new GetRule(principal, ruleId(id)));
  }

  @Put(':id')
  @ApiOperation({
    operationId: 'reviseRule',
    summary: 'Replace the spec; the owner’s version is in force at once, a provider’s awaits acceptance',
  })
  @RULE_ID
  @ApiOkResponse({ type: RuleDto })
  @ApiProblems(...SPEC_PROBLEMS, [409, 'The rule is no longer at `expectedVersion`'])
  revise(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: ReviseRuleRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<RuleView | null> {
    const change: RuleChange = {
      kind: 'revise',
      spec: specOf(body.spec),
      ...(body.expectedVersion === undefined ? {} : { expectedVersion: body.expectedVersion }),
    };
    return this.change(principal, id, change, correlationId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteRule', summary: 'Delete a rule; its events stay in the log' })
  @RULE_ID
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(NOT_FOUND, [409, 'A provider may not delete a rule its owner accepted'])
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.change(principal, id, { kind: 'delete' }, correlationId);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ operationId: 'enableRule', summary: 'Enable a rule (the owner only)' })
  @RULE_ID
  @ApiOkResponse({ type: RuleDto })
  @ApiProblems(NOT_FOUND, [409, 'Only the owner may enable a rule'])
  enable(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @CorrelationId() correlationId: string,
  ): Promise<RuleView | null> {
    return this.change(principal, id, { kind: 'enable' }, correlationId);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ operationId: 'disableRule', summary: 'Disable a rule (the owner only)' })
  @RULE_ID
  @ApiOkResponse({ type: RuleDto })
  @ApiProblems(400, NOT_FOUND, [409, 'Only the owner may disable a rule'], 413, 415)
  disable(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: DisableRuleRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<RuleView | null> {
    return this.change(
      principal,
      id,
      { kind: 'disable', ...(body.reason ? { reason: body.reason } : {}) },
      correlationId,
    );
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptRule',
    summary: 'Accept the exact version of a proposed rule: it acts from now on',
  })
  @RULE_ID
  @ApiOkResponse({ type: RuleDto })
  @ApiProblems(
    400,
    [404, "The rule is not the caller's, or it switches a plug the caller may not command"],
    [409, 'The proposal was revised since (`specHash` differs), or the rule is not a proposal'],
    413,
    415,
  )
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: AcceptRuleRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<RuleView | null> {
    return this.change(principal, id, { kind: 'accept', specHash: body.specHash }, correlationId);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ operationId: 'declineRule', summary: 'Decline a proposed rule: it stays inert' })
  @RULE_ID
  @ApiOkResponse({ type: RuleDto })
  @ApiProblems(400, NOT_FOUND, [409, 'The proposal was revised since, or the rule is not a proposal'], 413, 415)
  decline(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: DeclineRuleRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<RuleView | null> {
    return this.change(
      principal,
      id,
      { kind: 'decline', specHash: body.specHash, ...(body.reason ? { reason: body.reason } : {}) },
      correlationId,
    );
  }
}
