import { ChangeUserRoleHandler } from '../../../application/access/change-user-role/change-user-role.handler.js';
import { DisableUserHandler } from '../../../application/access/disable-user/disable-user.handler.js';
import { ListUsersHandler } from '../../../application/access/list-users/list-users.handler.js';
import { RegisterUserHandler } from '../../../application/access/register-user/register-user.handler.js';
import { UsersController } from './users.controller.js';

/** The access context's controllers and handlers, kept here so the app module only spreads two lists. */
export const ACCESS_CONTROLLERS = [UsersController];
export const ACCESS_HANDLERS = [RegisterUserHandler, ChangeUserRoleHandler, DisableUserHandler, ListUsersHandler];
