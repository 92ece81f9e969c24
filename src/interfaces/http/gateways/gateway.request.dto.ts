import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NETWORK_TYPES } from '../../../domain/gateways/gateway.events.js';
import { GATEWAY_LIMITS } from '../../../domain/gateways/gateway.validation.js';

const ID_PATTERN = GATEWAY_LIMITS.idPattern.source;

export class LocationRequestDto {
  @ApiProperty({ minimum: -90, maximum: 90, example: 52.09 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat!: number;
  @ApiProperty({ minimum: -180, maximum: 180, example: 5.12 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon!: number;
  @ApiPropertyOptional({ maxLength: GATEWAY_LIMITS.labelMax, example: 'Meter cupboard' })
  @IsOptional()
  @IsString()
  @MaxLength(GATEWAY_LIMITS.labelMax)
  label?: string;
}

export class RegisterGatewayRequestDto {
  @ApiPropertyOptional({
    pattern: ID_PATTERN,
    maxLength: 64,
    description: 'Omitted: a UUID is generated',
    example: 'gw-home-1',
  })
  @IsOptional()
  @IsString()
  @Matches(GATEWAY_LIMITS.idPattern, {
    message: 'id must be 1 to 64 characters of letters, digits, ".", "_" or "-", starting with a letter or digit',
  })
  id?: string;

  @ApiProperty({ minLength: 1, maxLength: GATEWAY_LIMITS.nameMax, example: 'Home' })
  @IsString()
  @Length(1, GATEWAY_LIMITS.nameMax)
  name!: string;
  @ApiProperty({ enum: NETWORK_TYPES })
  @IsIn(NETWORK_TYPES, { message: `networkType must be one of: ${NETWORK_TYPES.join(', ')}` })
  networkType!: string;
  @ApiProperty({
    minLength: 1,
    maxLength: GATEWAY_LIMITS.addressMax,
    description: 'Where the gateway is reachable or installed',
    example: '192.0.2.10',
  })
  @IsString()
  @Length(1, GATEWAY_LIMITS.addressMax)
  address!: string;
  @ApiPropertyOptional({ maxLength: GATEWAY_LIMITS.descriptionMax })
  @IsOptional()
  @IsString()
  @MaxLength(GATEWAY_LIMITS.descriptionMax)
  description?: string;
  @ApiProperty({ type: LocationRequestDto })
  @IsDefined({ message: 'location is required: { lat, lon, label? }' })
  @IsObject()
  @ValidateNested()
  @Type(() => LocationRequestDto)
  location!: LocationRequestDto;
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: GATEWAY_LIMITS.ownerMax,
    description: 'User id of the owner; defaults to the caller',
  })
  @IsOptional()
  @IsString()
  @Length(1, GATEWAY_LIMITS.ownerMax)
  ownerId?: string;
}

export class DecommissionGatewayRequestDto {
  @ApiPropertyOptional({ maxLength: GATEWAY_LIMITS.reasonMax, example: 'replaced by gw-home-2' })
  @IsOptional()
  @IsString()
  @MaxLength(GATEWAY_LIMITS.reasonMax)
  reason?: string;
}

export class ListGatewaysRequestDto {
  @ApiPropertyOptional({ enum: ['registered', 'decommissioned'] })
  @IsOptional()
  @IsIn(['registered', 'decommissioned'])
  lifecycle?: 'registered' | 'decommissioned';
  @ApiPropertyOptional({ maxLength: 64, description: 'The `nextAfter` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  after?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class ChangeOwnerRequestDto {
  @ApiProperty({ minLength: 1, maxLength: GATEWAY_LIMITS.ownerMax, description: 'User id of the new owner' })
  @IsDefined()
  @IsString()
  @Length(1, GATEWAY_LIMITS.ownerMax)
  ownerId!: string;
}

/** Whose ended periods of the gateway to erase, and why (kept in the tombstone). */
export class EraseOwnershipPeriodsRequestDto {
  @ApiProperty({
    minLength: 1,
    maxLength: GATEWAY_LIMITS.ownerMax,
    description: 'User id of the former owner whose ended periods are erased',
  })
  @IsDefined()
  @IsString()
  @Length(1, GATEWAY_LIMITS.ownerMax)
  ownerId!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: GATEWAY_LIMITS.reasonMax,
    example: 'erasure requested by the former owner on 2026-12-01',
  })
  @IsDefined()
  @IsString()
  @Length(1, GATEWAY_LIMITS.reasonMax)
  reason!: string;
}

/** Only the fields sent change; a field sent with its current value changes nothing. */
export class ChangeGatewayDetailsRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: GATEWAY_LIMITS.nameMax, example: 'Home' })
  @IsOptional()
  @IsString()
  @Length(1, GATEWAY_LIMITS.nameMax)
  name?: string;
  @ApiPropertyOptional({ maxLength: GATEWAY_LIMITS.descriptionMax, description: 'Empty clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(GATEWAY_LIMITS.descriptionMax)
  description?: string;
  @ApiPropertyOptional({
    type: LocationRequestDto,
    description: 'Replaces the whole location; an omitted label becomes empty',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationRequestDto)
  location?: LocationRequestDto;
}
