import { ApiProperty } from '@nestjs/swagger';
import type { ChangedVisibility } from '../../../application/access/change-sensor-visibility/change-sensor-visibility.command.js';
import type { IssuedGrant } from '../../../application/access/grant-access/grant-access.command.js';
import type { GrantView } from '../../../application/access/list-grants/list-grants.query.js';
import type { AccessLogEntry } from '../../../application/access/query-access-log/query-access-log.query.js';
import type { RevokedGrant } from '../../../application/access/revoke-access/revoke-access.command.js';
import { GRANTEE_KINDS, GRANT_RIGHTS } from '../../../domain/access/grant.events.js';
import { SENSOR_VISIBILITIES, type SensorVisibility } from '../../../domain/access/sensor-visibility.decider.js';

// Response shapes for the OpenAPI document; `implements` keeps them in step with what the handlers return.

export class IssuedGrantDto implements IssuedGrant {
  @ApiProperty() readonly grantId!: string;
}

export class GranteeDto {
  @ApiProperty({ enum: GRANTEE_KINDS }) readonly kind!: string;
  @ApiProperty({ description: 'User id or API client id' }) readonly id!: string;
}

export class GrantScopeDto {
  @ApiProperty({ type: [String] }) readonly gatewayIds!: string[];
  @ApiProperty({ type: [String] }) readonly nodeIds!: string[];
  @ApiProperty({ type: [String] }) readonly sensorIds!: string[];
}

export class GrantViewDto implements GrantView {
  @ApiProperty() readonly grantId!: string;
  @ApiProperty({ description: 'Actor id of who granted (`user:<id>`)' }) readonly grantor!: string;
  @ApiProperty({ type: GranteeDto }) readonly grantee!: GranteeDto;
  @ApiProperty({ type: GrantScopeDto }) readonly scope!: GrantScopeDto;
  @ApiProperty({ type: [String], enum: GRANT_RIGHTS }) readonly rights!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly expiresAt!: string | null;
  @ApiProperty({ format: 'date-time' }) readonly grantedAt!: string;
  @ApiProperty({ enum: ['active', 'revoked', 'expired'], description: '`expired` as soon as `expiresAt` has passed' })
  readonly status!: 'active' | 'revoked' | 'expired';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly endedAt!: string | null;
  @ApiProperty({
    enum: ['ownership_changed'],
    nullable: true,
    description: 'Why the grant ended before its time: `ownership_changed` when its grantor handed the gateway over.',
  })
  readonly endReason!: 'ownership_changed' | null;
}

export class GrantPageDto {
  @ApiProperty({ type: [GrantViewDto] }) readonly items!: GrantViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null at the end' })
  readonly nextAfter!: string | null;
}

export class RevokedGrantDto implements RevokedGrant {
  @ApiProperty() readonly grantId!: string;
  @ApiProperty({ format: 'date-time' }) readonly revokedAt!: string;
}

export class ChangedVisibilityDto implements ChangedVisibility {
  @ApiProperty() readonly sensorId!: string;
  @ApiProperty({ enum: SENSOR_VISIBILITIES }) readonly visibility!: SensorVisibility;
  @ApiProperty({ description: 'False when the sensor already had this visibility (nothing was recorded)' })
  readonly changed!: boolean;
}

export class AccessLogEntryDto implements AccessLogEntry {
  @ApiProperty({ description: '`user:<id>` or `client:<id>`' }) readonly actorId!: string;
  @ApiProperty() readonly sensorId!: string;
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty({ format: 'date-time' }) readonly firstAt!: string;
  @ApiProperty({ format: 'date-time' }) readonly lastAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) readonly requests!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) readonly rows!: number;
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogEntryDto] }) readonly items!: AccessLogEntryDto[];
}
