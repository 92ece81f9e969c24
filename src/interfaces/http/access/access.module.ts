import { Module } from '@nestjs/common';
import { ChooseMainMeterHandler } from '../../../application/access/choose-main-meter/choose-main-meter.handler.js';
import { GetMainMeterHandler } from '../../../application/access/get-main-meter/get-main-meter.handler.js';
import { ChangeSensorVisibilityHandler } from '../../../application/access/change-sensor-visibility/change-sensor-visibility.handler.js';
import { ChangeUserRoleHandler } from '../../../application/access/change-user-role/change-user-role.handler.js';
import { DisableUserHandler } from '../../../application/access/disable-user/disable-user.handler.js';
import { GrantExpirySweeper } from '../../../application/access/expire-grants/grant-expiry-sweeper.js';
import { GrantAccessHandler } from '../../../application/access/grant-access/grant-access.handler.js';
import { ListApiClientsHandler } from '../../../application/access/list-api-clients/list-api-clients.handler.js';
import { ListGrantsHandler } from '../../../application/access/list-grants/list-grants.handler.js';
import { ListUsersHandler } from '../../../application/access/list-users/list-users.handler.js';
import { QueryAccessLogHandler } from '../../../application/access/query-access-log/query-access-log.handler.js';
import { RegisterApiClientHandler } from '../../../application/access/register-api-client/register-api-client.handler.js';
import { RegisterUserHandler } from '../../../application/access/register-user/register-user.handler.js';
import { RevokeAccessHandler } from '../../../application/access/revoke-access/revoke-access.handler.js';
import { RevokeApiClientHandler } from '../../../application/access/revoke-api-client/revoke-api-client.handler.js';
import { RotateApiClientSecretHandler } from '../../../application/access/rotate-api-client-secret/rotate-api-client-secret.handler.js';
import { AccessPolicyModule } from './access-policy.module.js';
import { AccessController } from './access.controller.js';
import { AuthController } from './auth.controller.js';
import { ClientsController } from './clients.controller.js';
import { OAuthTokenController } from './oauth-token.controller.js';
import { MainMeterController } from './main-meter.controller.js';
import { SessionsController } from './sessions.controller.js';
import { UsersController } from './users.controller.js';

/**
 * Users, API clients, sign-in and grants. Authentication itself (credentials, sessions, tokens) is built before Nest
 * starts, by `startAccessRuntime`, and reaches these handlers through the runtime module.
 */
@Module({
  imports: [AccessPolicyModule],
  controllers: [
    AuthController,
    UsersController,
    SessionsController,
    ClientsController,
    OAuthTokenController,
    AccessController,
    MainMeterController,
  ],
  providers: [
    RegisterUserHandler,
    ChangeUserRoleHandler,
    DisableUserHandler,
    ListUsersHandler,
    RegisterApiClientHandler,
    RotateApiClientSecretHandler,
    RevokeApiClientHandler,
    ListApiClientsHandler,
    GrantAccessHandler,
    RevokeAccessHandler,
    ChangeSensorVisibilityHandler,
    ListGrantsHandler,
    QueryAccessLogHandler,
    GrantExpirySweeper,
    ChooseMainMeterHandler,
    GetMainMeterHandler,
  ],
})
export class AccessModule {}
