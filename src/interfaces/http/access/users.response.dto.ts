import { ApiProperty } from '@nestjs/swagger';
import type { ChangedUserRole } from '../../../application/access/change-user-role/change-user-role.command.js';
import type { DisabledUser } from '../../../application/access/disable-user/disable-user.command.js';
import type { UserPage } from '../../../application/access/list-users/list-users.query.js';
import type { RegisteredUser } from '../../../application/access/register-user/register-user.command.js';
import type { UserView } from '../../../application/access/users-read-model/users.sql.js';
import type { Role } from '../../../domain/access/principal.js';

// Response shapes for the OpenAPI document; `implements` keeps them in step with what the handlers return.

export class RegisteredUserDto implements RegisteredUser {
  @ApiProperty() readonly userId!: string;
  @ApiProperty({ description: 'Trimmed and lower-cased' }) readonly email!: string;
  @ApiProperty() readonly displayName!: string;
  @ApiProperty({ enum: ['admin', 'user'] }) readonly role!: Role;
}

export class UserViewDto implements UserView {
  @ApiProperty() readonly userId!: string;
  @ApiProperty() readonly email!: string;
  @ApiProperty() readonly displayName!: string;
  @ApiProperty({ enum: ['admin', 'user'] }) readonly role!: Role;
  @ApiProperty({ format: 'date-time' }) readonly registeredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly disabledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly disabledReason!: string | null;
}

export class UserPageDto implements UserPage {
  @ApiProperty({ type: [UserViewDto] }) readonly items!: UserViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null at the end' })
  readonly nextAfter!: string | null;
}

export class ChangedUserRoleDto implements ChangedUserRole {
  @ApiProperty() readonly userId!: string;
  @ApiProperty({ enum: ['admin', 'user'] }) readonly role!: string;
}

export class DisabledUserDto implements DisabledUser {
  @ApiProperty() readonly userId!: string;
  @ApiProperty({ enum: [true] }) readonly disabled!: true;
}
