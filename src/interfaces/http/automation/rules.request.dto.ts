import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const ITEM = { type: 'object', additionalProperties: true } as const;

/**
 * The rule spec (docs/automation.md). Its items are checked field by field by the domain, which names every problem
 * (`when[0].threshold must be a finite number`), so the transport checks only the outline.
 */
export class RuleSpecRequestDto {
  @ApiProperty({ maxLength: 80, example: 'Boiler off at peaks' })
  @IsString()
  @MaxLength(200)
  name!: string;
  @ApiProperty({ example: 'Europe/Amsterdam', description: 'IANA time zone the local times are read in' })
  @IsString()
  @MaxLength(64)
  timezone!: string;
  @ApiProperty({
    type: 'array',
    items: ITEM,
    description: 'Triggers, any of which starts a need: price, price_rank, ghg, dr_event, alert, alarm, reading',
  })
  @IsArray()
  @IsObject({ each: true })
  when!: Record<string, unknown>[];
  @ApiPropertyOptional({
    type: 'array',
    items: ITEM,
    description: 'Conditions, all of which must hold: time_window, load_above, state_known',
  })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  only?: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: ITEM, description: 'Actions: switch_off, switch_on, notify' })
  @IsArray()
  @IsObject({ each: true })
  then!: Record<string, unknown>[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Owner limits no signal overrides: forbiddenWindows, maxOffMinutesPerEvent (required), maxOffMinutesPerDay, ' +
      'minOnMinutesBetweenSheds, minOffMinutes, maxShedsPerDay, mustBeOnBy',
  })
  @IsObject()
  constraints!: Record<string, unknown>;
  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: 'Lower wins among the owner’s rules' })
  @IsOptional()
  @IsInt()
  priority?: number;
}

export class DefineRuleRequestDto {
  @ApiProperty({ type: RuleSpecRequestDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RuleSpecRequestDto)
  spec!: RuleSpecRequestDto;
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class ReviseRuleRequestDto {
  @ApiProperty({ type: RuleSpecRequestDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RuleSpecRequestDto)
  spec!: RuleSpecRequestDto;
  @ApiPropertyOptional({ minimum: 0, description: 'The version read; another one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

export class DisableRuleRequestDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class AcceptRuleRequestDto {
  @ApiProperty({ description: 'The `specHash` of the version the owner read: a proposal revised since answers 409' })
  @IsString()
  @Length(1, 64)
  specHash!: string;
}

export class DeclineRuleRequestDto extends AcceptRuleRequestDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class DryRunRequestDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  from!: string;
  @ApiProperty({ format: 'date-time', description: 'After `from`, at most 31 days later' })
  @IsISO8601({ strict: true })
  to!: string;
  @ApiPropertyOptional({ type: RuleSpecRequestDto, description: 'A rule not saved yet, planned beside the others' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RuleSpecRequestDto)
  draft?: RuleSpecRequestDto;
  @ApiPropertyOptional({ default: false, description: 'Plan the draft alone' })
  @IsOptional()
  @IsBoolean()
  onlyDraft?: boolean;
}
