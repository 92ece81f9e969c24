import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { ActuatorCommandView } from '../../../application/control/actuator-command-view.js';
import { GetActuatorCommand } from '../../../application/control/get-actuator-command/get-actuator-command.query.js';
import { RequestActuatorCommand, type RequestedActuatorCommand } from '../../../application/control/request-actuator-command/request-actuator-command.command.js';
import type { Principal } from '../../../domain/access/principal.js';
import { COMMAND_TIMEOUT_LIMITS } from '../../../domain/control/actuator-command.decider.js';
import { ActuatorCommandNotFoundError } from '../../../domain/control/actuator-command.errors.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { ACTUATOR_DISPATCH, type ActuatorDispatchPoke } from '../runtime.tokens.js';
import { RequestActuatorCommandDto } from './actuator-command.request.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

@Controller('api/actuator-commands')
@UseGuards(AuthenticationGuard)
export class ActuatorCommandsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(ACTUATOR_DISPATCH) private readonly dispatch: ActuatorDispatchPoke,
  ) {}

  /** 202 with the new command; 200 with the existing one when the Idempotency-Key was used before. */
  @Post()
  async request(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RequestActuatorCommandDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ActuatorCommandView> {
    const result = await this.commands.execute<RequestActuatorCommand, RequestedActuatorCommand>(
      new RequestActuatorCommand(
        principal,
        {
          sensorId: body.sensorId,
          action: body.action,
          reason: body.reason ?? '',
          timeoutSeconds: body.timeoutSeconds ?? COMMAND_TIMEOUT_LIMITS.defaultSeconds,
          idempotencyKey: idempotencyKey ?? null,
        },
        new Date(),
        correlationId && CORRELATION_ID.test(correlationId) ? correlationId : randomUUID(),
      ),
    );
    if (result.created) this.dispatch.poke();
    void reply.status(result.created ? 202 : 200).header('location', `/api/actuator-commands/${result.command.commandId}`);
    return result.command;
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ActuatorCommandView> {
    if (!UUID.test(id)) throw new ActuatorCommandNotFoundError(id.slice(0, 64));
    return this.queries.execute(new GetActuatorCommand(principal, id));
  }
}
