import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CONFIGURATION_TIMEOUT_LIMITS } from '../../../domain/devices/node-configuration.decider.js';
import { REPORTABLE_QUANTITIES } from '../../../domain/devices/node-configuration.events.js';

export const CHANGE_KINDS = [
  'reporting',
  'alarm_power_above',
  'alarm_voltage_band',
  'firmware_update',
  'poll_interval',
] as const;

const FIRMWARE_VERSION = /^[A-Za-z0-9._+-]{1,64}$/;
const requiredFor = (kind: string, extra = ''): string => `Required for kind \`${kind}\`, ignored otherwise${extra}`;

/**
 * One configuration change as a flat body: `kind` says which of the other fields are required (checked when the
 * change is built, 400 naming the missing one). The limits are the domain's, so a bad value is refused here already.
 */
export class NodeConfigurationRequestDto {
  @ApiProperty({ enum: CHANGE_KINDS, description: 'Which setting changes; it decides the required fields' })
  @IsIn(CHANGE_KINDS, { message: `kind must be one of: ${CHANGE_KINDS.join(', ')}` })
  kind!: (typeof CHANGE_KINDS)[number];

  @ApiPropertyOptional({ enum: REPORTABLE_QUANTITIES, description: requiredFor('reporting') })
  @IsOptional()
  @IsIn(REPORTABLE_QUANTITIES, { message: `quantity must be one of: ${REPORTABLE_QUANTITIES.join(', ')}` })
  quantity?: (typeof REPORTABLE_QUANTITIES)[number];
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 65535,
    description: requiredFor('reporting', '; at most maxIntervalS'),
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  minIntervalS?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 65535, description: requiredFor('reporting') })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  maxIntervalS?: number;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 2 ** 31,
    default: 0,
    description: 'For kind `reporting`: the change that triggers a report, in the raw units the device counts',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(2 ** 31)
  reportableChange?: number;

  @ApiPropertyOptional({
    default: true,
    description: 'For kinds `alarm_power_above` and `alarm_voltage_band`: false switches the alarm off',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
  @ApiPropertyOptional({
    exclusiveMinimum: true,
    minimum: 0,
    maximum: 1e9,
    description: requiredFor('alarm_power_above', '; watts, above 0'),
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  thresholdW?: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 86400,
    description: requiredFor('alarm_power_above', '; how long the power must stay above'),
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86400)
  forSeconds?: number;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1000,
    description: requiredFor('alarm_voltage_band', '; volts, below maxV'),
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  minV?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: requiredFor('alarm_voltage_band', '; volts') })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  maxV?: number;

  @ApiPropertyOptional({
    maxLength: 64,
    pattern: FIRMWARE_VERSION.source,
    description: requiredFor('firmware_update'),
    example: '2.4.50',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(FIRMWARE_VERSION, { message: 'version must be 1 to 64 letters, digits, ".", "_", "+" or "-"' })
  version?: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 86400,
    description: requiredFor(
      'poll_interval',
      '; how often a Modbus meter is polled, or how often a DSMR P1 reader forwards a telegram (which takes 1 to 900)',
    ),
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86400)
  seconds?: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'Stored with the request; empty when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: CONFIGURATION_TIMEOUT_LIMITS.minSeconds,
    maximum: CONFIGURATION_TIMEOUT_LIMITS.maxSeconds,
    default: CONFIGURATION_TIMEOUT_LIMITS.defaultSeconds,
    description: 'How long a device setting may wait for the device to confirm it before it times out',
  })
  @IsOptional()
  @IsInt()
  @Min(CONFIGURATION_TIMEOUT_LIMITS.minSeconds)
  @Max(CONFIGURATION_TIMEOUT_LIMITS.maxSeconds)
  timeoutSeconds?: number;
}

export class ConfigurationAtDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The configuration as it was at this instant; omitted: now',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'at must be an ISO-8601 date-time' })
  at?: string;
}

export class ConfigurationChangesDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the range' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the range; not before `from`' })
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time' })
  to!: string;
}
