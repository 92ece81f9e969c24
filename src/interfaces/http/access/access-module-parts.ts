import { ChangeUserRoleHandler } from '../../../application/access/change-user-role/change-user-role.handler.js';
import { DisableUserHandler } from '../../../application/access/disable-user/disable-user.handler.js';
import { ListUsersHandler } from '../../../application/access/list-users/list-users.handler.js';
import { RegisterUserHandler } from '../../../application/access/register-user/register-user.handler.js';
import { ListApiClientsHandler } from '../../../application/access/list-api-clients/list-api-clients.handler.js';
import { RegisterApiClientHandler } from '../../../application/access/register-api-client/register-api-client.handler.js';
import { RevokeApiClientHandler } from '../../../application/access/revoke-api-client/revoke-api-client.handler.js';
import { RotateApiClientSecretHandler } from '../../../application/access/rotate-api-client-secret/rotate-api-client-secret.handler.js';
import { ClientsController } from './clients.controller.js';
import { OAuthTokenController } from './oauth-token.controller.js';
import { UsersController } from './users.controller.js';

/** The access context's controllers and handlers, kept here so the app module only spreads two lists. */
export const ACCESS_CONTROLLERS = [UsersController, ClientsController, OAuthTokenController];
export const ACCESS_HANDLERS = [RegisterUserHandler, ChangeUserRoleHandler, DisableUserHandler, ListUsersHandler, RegisterApiClientHandler, RotateApiClientSecretHandler, RevokeApiClientHandler, ListApiClientsHandler];
