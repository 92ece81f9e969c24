import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NETWORK_TYPES } from '../../../domain/gateways/gateway.events.js';
import { GATEWAY_LIMITS } from '../../../domain/gateways/gateway.validation.js';

export class LocationRequestDto {
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90) lat!: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180) lon!: number;
  @IsOptional() @IsString() @MaxLength(GATEWAY_LIMITS.labelMax) label?: string;
}

export class RegisterGatewayRequestDto {
  @IsOptional()
  @IsString()
  @Matches(GATEWAY_LIMITS.idPattern, { message: 'id must be 1 to 64 characters of letters, digits, ".", "_" or "-", starting with a letter or digit' })
  id?: string;

  @IsString() @Length(1, GATEWAY_LIMITS.nameMax) name!: string;
  @IsIn(NETWORK_TYPES, { message: `networkType must be one of: ${NETWORK_TYPES.join(', ')}` }) networkType!: string;
  @IsString() @Length(1, GATEWAY_LIMITS.addressMax) address!: string;
  @IsOptional() @IsString() @MaxLength(GATEWAY_LIMITS.descriptionMax) description?: string;
  @IsDefined({ message: 'location is required: { lat, lon, label? }' })
  @IsObject()
  @ValidateNested()
  @Type(() => LocationRequestDto)
  location!: LocationRequestDto;
  @IsOptional() @IsString() @Length(1, GATEWAY_LIMITS.ownerMax) ownerId?: string;
}

export class DecommissionGatewayRequestDto {
  @IsOptional() @IsString() @MaxLength(GATEWAY_LIMITS.reasonMax) reason?: string;
}

export class ListGatewaysRequestDto {
  @IsOptional() @IsIn(['registered', 'decommissioned']) lifecycle?: 'registered' | 'decommissioned';
  @IsOptional() @IsString() @MaxLength(64) after?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class PermitJoinRequestDto {
  @IsOptional() @IsInt() @Min(0) @Max(254) seconds?: number;
}

export class ChangeGatewayDetailsRequestDto {
  @IsOptional() @IsString() @Length(1, GATEWAY_LIMITS.nameMax) name?: string;
  @IsOptional() @IsString() @MaxLength(GATEWAY_LIMITS.descriptionMax) description?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => LocationRequestDto) location?: LocationRequestDto;
}
