import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ChangeUserRole } from '../../../application/access/change-user-role/change-user-role.command.js';
import { DisableUser } from '../../../application/access/disable-user/disable-user.command.js';
import { ListUsers, type UserPage } from '../../../application/access/list-users/list-users.query.js';
import { RegisterUser, type RegisteredUser } from '../../../application/access/register-user/register-user.command.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { accessMetadata, pathId } from './access-metadata.js';
import { ChangeRoleRequestDto, PageRequestDto, ReasonRequestDto, RegisterUserRequestDto } from './users.request.dto.js';

/** User management; the handlers decide who may (admins). */
@Controller('api/users')
@UseGuards(AuthenticationGuard)
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  register(
    @Body() body: RegisterUserRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<RegisteredUser> {
    return this.commands.execute(
      new RegisterUser(
        { email: body.email, displayName: body.displayName, role: body.role, password: body.password },
        principal,
        new Date(),
        accessMetadata(principal, correlationId),
      ),
    );
  }

  @Get()
  list(@Query() request: PageRequestDto, @CurrentPrincipal() principal: Principal): Promise<UserPage> {
    return this.queries.execute(new ListUsers({ ...(request.after !== undefined ? { after: request.after } : {}), limit: request.limit ?? 100 }, principal));
  }

  @Post(':id/role')
  @HttpCode(200)
  changeRole(
    @Param('id') id: string,
    @Body() body: ChangeRoleRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<{ userId: string; role: string }> {
    return this.commands.execute(new ChangeUserRole(pathId('user', id), body.role, principal, new Date(), accessMetadata(principal, correlationId)));
  }

  @Post(':id/disable')
  @HttpCode(200)
  disable(
    @Param('id') id: string,
    @Body() body: ReasonRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<{ userId: string; disabled: true }> {
    return this.commands.execute(
      new DisableUser(pathId('user', id), body.reason ?? 'disabled by an administrator', principal, new Date(), accessMetadata(principal, correlationId)),
    );
  }
}
