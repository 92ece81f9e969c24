import { Body, Controller, Delete, Get, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnrollmentView } from '../../../application/market/enrollments-read-model/enrollments.sql.js';
import {
  EnrollInProgram,
  LeaveProgram,
  PauseEnrollment,
  ResumeEnrollment,
} from '../../../application/market/manage-enrollments/enrollment.commands.js';
import {
  GetEnrollment,
  GetJoinableProgram,
  ListEnrollments,
  ListJoinablePrograms,
} from '../../../application/market/query-enrollments/owner-market.queries.js';
import type { OwnerProgramView } from '../../../application/market/query-enrollments/owner-program-view.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { CorrelationId } from '../shared/correlation-id.js';
import { pathObjectId } from './openadr-query.js';
import { EnrollmentRequestDto, PauseEnrollmentRequestDto, ProgramsQueryDto } from './market.request.dto.js';
import { EnrollmentDto, EnrollmentPageDto, OwnerProgramDto, OwnerProgramPageDto } from './market.response.dto.js';

const NOT_ENROLLMENT = [404, "The enrollment does not exist or is not the caller's"] as const;

/** Homeowners in utilities' programs: which programs there are, and joining, pausing and leaving them. */
@Controller('api/market')
@UseGuards(AuthenticationGuard)
@ApiTags('market')
@ApiBearer()
export class MarketEnrollmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('programs')
  @ApiOperation({
    operationId: 'listMarketPrograms',
    summary: "Programs the caller may join: utilities' tariffs, demand response, alerts and weather, oldest first",
  })
  @ApiOkResponse({ type: OwnerProgramPageDto })
  @ApiProblems(400)
  async programs(
    @Query() query: ProgramsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: OwnerProgramView[] }> {
    return { items: await this.queries.execute(new ListJoinablePrograms(principal, query.skip, query.limit)) };
  }

  @Get('programs/:id')
  @ApiOperation({ operationId: 'getMarketProgram', summary: 'One program the caller may join' })
  @ApiOkResponse({ type: OwnerProgramDto })
  @ApiProblems([404, 'The program does not exist or was withdrawn'])
  program(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<OwnerProgramView> {
    return this.queries.execute(new GetJoinableProgram(principal, pathObjectId(id, 'program')));
  }

  @Get('enrollments')
  @ApiOperation({ operationId: 'listEnrollments', summary: "The caller's enrollments, ended ones included" })
  @ApiOkResponse({ type: EnrollmentPageDto })
  async enrollments(@CurrentPrincipal() principal: Principal): Promise<{ items: EnrollmentView[] }> {
    return { items: await this.queries.execute(new ListEnrollments(principal)) };
  }

  @Post('enrollments')
  @ApiOperation({
    operationId: 'enroll',
    summary:
      "Join a program with some of the caller's plugs and the consent given; the utility sees an opaque ven and resources",
  })
  @ApiCreatedResponse({ type: EnrollmentDto })
  @ApiProblems(
    400,
    [404, "The program does not exist, or a plug is not on the caller's own gateways"],
    [409, 'The caller is enrolled in that program already'],
    413,
    415,
  )
  enroll(
    @Body() body: EnrollmentRequestDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<EnrollmentView> {
    return this.commands.execute(new EnrollInProgram(principal, body, this.clock.now(), correlationId));
  }

  @Get('enrollments/:id')
  @ApiOperation({ operationId: 'getEnrollment', summary: "One of the caller's enrollments" })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiProblems(NOT_ENROLLMENT)
  enrollment(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<EnrollmentView> {
    return this.queries.execute(new GetEnrollment(principal, pathObjectId(id, 'enrollment')));
  }

  @Post('enrollments/:id/pause')
  @ApiOperation({
    operationId: 'pauseEnrollment',
    summary: "Pause: the program's signals stop acting on the plugs (the utility sees the ven as PAUSED)",
  })
  @ApiCreatedResponse({ type: EnrollmentDto })
  @ApiProblems(400, NOT_ENROLLMENT, [409, 'The enrollment has ended'], 413, 415)
  pause(
    @Param('id') id: string,
    @Body() body: PauseEnrollmentRequestDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<EnrollmentView> {
    return this.commands.execute(
      new PauseEnrollment(
        principal,
        pathObjectId(id, 'enrollment'),
        body.until ?? null,
        body.reason ?? null,
        this.clock.now(),
        correlationId,
      ),
    );
  }

  @Post('enrollments/:id/resume')
  @ApiOperation({
    operationId: 'resumeEnrollment',
    summary: 'Resume a paused enrollment (a running one stays as it is)',
  })
  @ApiCreatedResponse({ type: EnrollmentDto })
  @ApiProblems(NOT_ENROLLMENT, [409, 'The enrollment has ended'])
  resume(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<EnrollmentView> {
    return this.commands.execute(
      new ResumeEnrollment(principal, pathObjectId(id, 'enrollment'), this.clock.now(), correlationId),
    );
  }

  @Delete('enrollments/:id')
  @ApiOperation({
    operationId: 'leaveProgram',
    summary: 'Leave the program: the utility no longer sees the ven or its resources; the enrollment stays as ended',
  })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiProblems(NOT_ENROLLMENT, [409, 'The enrollment has ended already'])
  leave(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<EnrollmentView> {
    return this.commands.execute(
      new LeaveProgram(principal, pathObjectId(id, 'enrollment'), this.clock.now(), correlationId),
    );
  }
}
