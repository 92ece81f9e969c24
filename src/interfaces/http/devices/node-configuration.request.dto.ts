import { IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { REPORTABLE_QUANTITIES } from '../../../domain/devices/node-configuration.events.js';

export const CHANGE_KINDS = ['reporting', 'alarm_power_above', 'alarm_voltage_band', 'firmware_update', 'poll_interval'] as const;

/** One configuration change; which fields are required depends on `kind` (checked when the change is built). */
export class NodeConfigurationRequestDto {
  @IsIn(CHANGE_KINDS, { message: `kind must be one of: ${CHANGE_KINDS.join(', ')}` }) kind!: (typeof CHANGE_KINDS)[number];
  @IsOptional() @IsIn(REPORTABLE_QUANTITIES, { message: `quantity must be one of: ${REPORTABLE_QUANTITIES.join(', ')}` }) quantity?: (typeof REPORTABLE_QUANTITIES)[number];
  @IsOptional() @IsInt() minIntervalS?: number;
  @IsOptional() @IsInt() maxIntervalS?: number;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) reportableChange?: number;
  @IsOptional() @IsBoolean() enabled?: boolean;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) thresholdW?: number;
  @IsOptional() @IsInt() forSeconds?: number;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) minV?: number;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) maxV?: number;
  @IsOptional() @IsString() @MaxLength(64) version?: string;
  @IsOptional() @IsInt() seconds?: number;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
  @IsOptional() @IsInt() timeoutSeconds?: number;
}

export class ConfigurationAtDto {
  @IsOptional() @IsISO8601({ strict: true }, { message: 'at must be an ISO-8601 date-time' }) at?: string;
}

export class ConfigurationChangesDto {
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time' }) from!: string;
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time' }) to!: string;
}
