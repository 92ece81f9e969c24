import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ActuatorCommandView } from '../../../application/control/actuator-command-view.js';
import {
  ListActuatorCommands,
  type ActuatorCommandPage,
} from '../../../application/control/list-actuator-commands/list-actuator-commands.query.js';
import { GetActuatorCommand } from '../../../application/control/get-actuator-command/get-actuator-command.query.js';
import {
  RequestActuatorCommand,
  type RequestedActuatorCommand,
} from '../../../application/control/request-actuator-command/request-actuator-command.command.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { COMMAND_TIMEOUT_LIMITS } from '../../../domain/control/actuator-command.decider.js';
import { ActuatorCommandNotFoundError } from '../../../domain/control/actuator-command.errors.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { ACTUATOR_DISPATCH, type ActuatorDispatchPoke } from '../runtime.tokens.js';
import { CorrelationId } from '../shared/correlation-id.js';
import { ActuatorCommandsQueryDto, RequestActuatorCommandDto } from './actuator-command.request.dto.js';
import { ActuatorCommandDto, ActuatorCommandPageDto } from './actuator-command.response.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCATION = {
  location: { description: 'The command: `/api/actuator-commands/{commandId}`', schema: { type: 'string' } },
};

@Controller('api/actuator-commands')
@UseGuards(AuthenticationGuard)
@ApiTags('control')
@ApiBearer()
export class ActuatorCommandsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(ACTUATOR_DISPATCH) private readonly dispatch: ActuatorDispatchPoke,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** 202 with the new command; 200 with the existing one when the Idempotency-Key was used before. */
  @Post()
  @ApiOperation({
    operationId: 'requestActuatorCommand',
    summary: 'Switch an actuator on, off or over; the gateway applies it when connected, a report confirms it',
  })
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description:
      'A repeat with the same key (per caller) answers 200 with the command made the first time; the same key with a different body is 400',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  })
  @ApiAcceptedResponse({
    type: ActuatorCommandDto,
    description: 'The new command, waiting for dispatch',
    headers: LOCATION,
  })
  @ApiOkResponse({
    type: ActuatorCommandDto,
    description: 'The command an earlier request with this Idempotency-Key made',
    headers: LOCATION,
  })
  @ApiProblems(
    [400, 'The body is invalid, or the Idempotency-Key was used with a different body'],
    [404, 'The sensor does not exist, or the caller holds no `command` right on it'],
    [409, 'Another command holds the actuator until its outcome; retry after it settles'],
    [422, 'The sensor is not a switch, or its driver has no switch command'],
  )
  async request(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RequestActuatorCommandDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string,
  ): Promise<ActuatorCommandView> {
    const result = await this.commands.execute<RequestActuatorCommand, RequestedActuatorCommand>(
      new RequestActuatorCommand(
        principal,
        {
          sensorId: body.sensorId,
          action: body.action,
          reason: body.reason ?? '',
          origin: body.origin ?? 'api',
          timeoutSeconds: body.timeoutSeconds ?? COMMAND_TIMEOUT_LIMITS.defaultSeconds,
          idempotencyKey: idempotencyKey ?? null,
        },
        this.clock.now(),
        correlationId,
      ),
    );
    if (result.created) this.dispatch.poke();
    void reply
      .status(result.created ? 202 : 200)
      .header('location', `/api/actuator-commands/${result.command.commandId}`);
    return result.command;
  }

  @Get()
  @ApiOperation({
    operationId: 'listActuatorCommands',
    summary:
      "An actuator's command timeline, newest first: who asked, when, from where (UI, API, CLI, rule), and how it ended",
  })
  @ApiOkResponse({ type: ActuatorCommandPageDto })
  @ApiProblems(
    [400, 'sensor is missing, or limit or before is invalid'],
    [404, 'The sensor does not exist, or the caller holds no `command` right on it'],
  )
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ActuatorCommandsQueryDto,
  ): Promise<ActuatorCommandPage> {
    return this.queries.execute(
      new ListActuatorCommands(principal, query.sensor, { limit: query.limit ?? 50, before: query.before ?? null }),
    );
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getActuatorCommand', summary: 'One actuator command with its status and outcome' })
  @ApiParam({ name: 'id', description: 'The command id', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ type: ActuatorCommandDto })
  @ApiProblems([404, 'The command does not exist, or the caller holds no `command` right on its sensor'])
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ActuatorCommandView> {
    if (!UUID.test(id)) throw new ActuatorCommandNotFoundError(id.slice(0, 64));
    return this.queries.execute(new GetActuatorCommand(principal, id));
  }
}
