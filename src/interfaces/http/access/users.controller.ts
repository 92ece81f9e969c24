import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChangeUserRole,
  type ChangedUserRole,
} from '../../../application/access/change-user-role/change-user-role.command.js';
import { DisableUser, type DisabledUser } from '../../../application/access/disable-user/disable-user.command.js';
import { ListUsers, type UserPage } from '../../../application/access/list-users/list-users.query.js';
import { RegisterUser, type RegisteredUser } from '../../../application/access/register-user/register-user.command.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { CurrentPrincipal } from './current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { accessIdParam, accessMetadata, pathId } from './access-metadata.js';
import { CorrelationId } from '../shared/correlation-id.js';
import { ChangedUserRoleDto, DisabledUserDto, RegisteredUserDto, UserPageDto } from './users.response.dto.js';
import { ChangeRoleRequestDto, PageRequestDto, ReasonRequestDto, RegisterUserRequestDto } from './users.request.dto.js';

/** User management; the handlers decide who may (admins). */
@Controller('api/users')
@UseGuards(AuthenticationGuard)
@ApiTags('users')
@ApiBearer()
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ operationId: 'registerUser', summary: 'Register a user with a first password (admin)' })
  @ApiBody({ type: RegisterUserRequestDto })
  @ApiCreatedResponse({ type: RegisteredUserDto })
  @ApiProblems(
    [400, 'Invalid fields, or a password the policy refuses'],
    [409, 'A user with this email is already registered'],
    413,
    415,
  )
  register(
    @Body() body: RegisterUserRequestDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RegisteredUser> {
    return this.commands.execute(
      new RegisterUser(
        { email: body.email, displayName: body.displayName, role: body.role, password: body.password },
        principal,
        this.clock.now(),
        accessMetadata(principal, correlationId),
      ),
    );
  }

  @Get()
  @ApiOperation({ operationId: 'listUsers', summary: 'Registered users in id order (admin)' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblems(400)
  list(@Query() request: PageRequestDto, @CurrentPrincipal() principal: Principal): Promise<UserPage> {
    return this.queries.execute(
      new ListUsers(
        { ...(request.after !== undefined ? { after: request.after } : {}), limit: request.limit ?? 100 },
        principal,
      ),
    );
  }

  @Post(':id/role')
  @HttpCode(200)
  @ApiOperation({ operationId: 'changeUserRole', summary: 'Make a user an admin or a plain user (admin)' })
  @accessIdParam('User id')
  @ApiBody({ type: ChangeRoleRequestDto })
  @ApiOkResponse({ type: ChangedUserRoleDto })
  @ApiProblems(400, 404, [409, 'The user is disabled or was changed concurrently'], 413, 415)
  changeRole(
    @Param('id') id: string,
    @Body() body: ChangeRoleRequestDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<ChangedUserRole> {
    return this.commands.execute(
      new ChangeUserRole(
        pathId('user', id),
        body.role,
        principal,
        this.clock.now(),
        accessMetadata(principal, correlationId),
      ),
    );
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ operationId: 'disableUser', summary: 'Disable a user (admin); their sessions end at once' })
  @accessIdParam('User id')
  @ApiBody({ type: ReasonRequestDto, required: false })
  @ApiOkResponse({ type: DisabledUserDto })
  @ApiProblems(400, 404, [409, 'Already disabled, or changed concurrently'], 413, 415)
  disable(
    @Param('id') id: string,
    @Body() body: ReasonRequestDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<DisabledUser> {
    return this.commands.execute(
      new DisableUser(
        pathId('user', id),
        body.reason ?? 'disabled by an administrator',
        principal,
        this.clock.now(),
        accessMetadata(principal, correlationId),
      ),
    );
  }
}
