import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { GRANT_LIMITS } from '../../../domain/access/grant.validation.js';
import { GRANTEE_KINDS, GRANT_RIGHTS } from '../../../domain/access/grant.events.js';
import { SENSOR_VISIBILITIES } from '../../../domain/access/sensor-visibility.js';

export class GranteeRequestDto {
  @IsIn(GRANTEE_KINDS) kind!: 'user' | 'client';
  @IsString() @Length(1, GRANT_LIMITS.granteeIdMax) id!: string;
}

export class GrantScopeRequestDto {
  @IsOptional() @IsArray() @ArrayMaxSize(GRANT_LIMITS.maxObjects) @IsString({ each: true }) @Length(1, GRANT_LIMITS.idMax, { each: true }) gatewayIds?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(GRANT_LIMITS.maxObjects) @IsString({ each: true }) @Length(1, GRANT_LIMITS.idMax, { each: true }) nodeIds?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(GRANT_LIMITS.maxObjects) @IsString({ each: true }) @Length(1, GRANT_LIMITS.idMax, { each: true }) sensorIds?: string[];
}

export class GrantAccessRequestDto {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => GranteeRequestDto) grantee!: GranteeRequestDto;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => GrantScopeRequestDto) scope!: GrantScopeRequestDto;
  @IsArray() @ArrayMaxSize(3) @IsIn(GRANT_RIGHTS, { each: true }) rights!: string[];
  @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
}

export class ListGrantsRequestDto {
  @IsOptional() @IsIn(['given', 'held']) role?: 'given' | 'held';
  @IsOptional() @IsIn(['active', 'revoked', 'expired']) status?: 'active' | 'revoked' | 'expired';
  @IsOptional() @IsString() @Length(1, 210) actor?: string;
  @IsOptional() @IsString() @Length(1, 100) after?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class SensorVisibilityRequestDto {
  @IsIn(SENSOR_VISIBILITIES) visibility!: string;
}

export class AccessLogRequestDto {
  @IsOptional() @IsString() @Length(1, 500) sensor?: string;
  @IsOptional() @IsString() @Length(1, 210) actor?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}
