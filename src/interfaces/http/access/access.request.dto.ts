import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { GRANT_LIMITS } from '../../../domain/access/grant.validation.js';
import { GRANTEE_KINDS, GRANT_RIGHTS } from '../../../domain/access/grant.events.js';
import { SENSOR_VISIBILITIES } from '../../../domain/access/sensor-visibility.decider.js';

export class GranteeRequestDto {
  @ApiProperty({ enum: GRANTEE_KINDS }) @IsIn(GRANTEE_KINDS) kind!: 'user' | 'client';
  @ApiProperty({ minLength: 1, maxLength: GRANT_LIMITS.granteeIdMax, description: 'User id or API client id' })
  @IsString()
  @Length(1, GRANT_LIMITS.granteeIdMax)
  id!: string;
}

export class GrantScopeRequestDto {
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: GRANT_LIMITS.idMax },
    maxItems: GRANT_LIMITS.maxObjects,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(GRANT_LIMITS.maxObjects)
  @IsString({ each: true })
  @Length(1, GRANT_LIMITS.idMax, { each: true })
  gatewayIds?: string[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: GRANT_LIMITS.idMax },
    maxItems: GRANT_LIMITS.maxObjects,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(GRANT_LIMITS.maxObjects)
  @IsString({ each: true })
  @Length(1, GRANT_LIMITS.idMax, { each: true })
  nodeIds?: string[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: GRANT_LIMITS.idMax },
    maxItems: GRANT_LIMITS.maxObjects,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(GRANT_LIMITS.maxObjects)
  @IsString({ each: true })
  @Length(1, GRANT_LIMITS.idMax, { each: true })
  sensorIds?: string[];
}

export class GrantAccessRequestDto {
  @ApiProperty({ type: GranteeRequestDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => GranteeRequestDto)
  grantee!: GranteeRequestDto;
  @ApiProperty({
    type: GrantScopeRequestDto,
    description: 'Gateways, nodes and sensors the grant covers; the grantor must own each',
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => GrantScopeRequestDto)
  scope!: GrantScopeRequestDto;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...GRANT_RIGHTS] }, maxItems: 3 })
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(GRANT_RIGHTS, { each: true })
  rights!: string[];
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
}

export class ListGrantsRequestDto {
  @ApiPropertyOptional({
    enum: ['given', 'held'],
    description: 'Grants the caller gave or holds (admins: all when omitted)',
  })
  @IsOptional()
  @IsIn(['given', 'held'])
  role?: 'given' | 'held';
  @ApiPropertyOptional({ enum: ['active', 'revoked', 'expired'] })
  @IsOptional()
  @IsIn(['active', 'revoked', 'expired'])
  status?: 'active' | 'revoked' | 'expired';
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 210,
    description: 'Only grants given to or by this actor id (`user:<id>`, `client:<id>`)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 210)
  actor?: string;
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'The `nextAfter` of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  after?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class SensorVisibilityRequestDto {
  @ApiProperty({ enum: SENSOR_VISIBILITIES }) @IsIn(SENSOR_VISIBILITIES) visibility!: string;
}

export class AccessLogRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 500 }) @IsOptional() @IsString() @Length(1, 500) sensor?: string;
  @ApiPropertyOptional({ minLength: 1, maxLength: 210, description: 'Actor id (`user:<id>`, `client:<id>`)' })
  @IsOptional()
  @IsString()
  @Length(1, 210)
  actor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
