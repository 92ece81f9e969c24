import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ALARM_STATES, type AlarmStateFilter } from '../../../application/monitoring/query-alarms/list-alarms.query.js';
import { ZONED } from '../metering/readings.request.dto.js';

const ID_MAX = 500;

export class AlarmsRequestDto {
  @ApiPropertyOptional({
    enum: ALARM_STATES,
    default: 'all',
    description: '`open` alarms only, `cleared` ones only, or `all`',
  })
  @IsOptional()
  @IsIn(ALARM_STATES, { message: `state must be one of: ${ALARM_STATES.join(', ')}` })
  state?: AlarmStateFilter;
  @ApiPropertyOptional({ minLength: 1, maxLength: ID_MAX, description: "Only this node's" })
  @IsOptional()
  @IsString()
  @Length(1, ID_MAX)
  node?: string;
  @ApiPropertyOptional({ minLength: 1, maxLength: ID_MAX, description: "Only this sensor's" })
  @IsOptional()
  @IsString()
  @Length(1, ID_MAX)
  sensor?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'ISO-8601 with a zone: alarms not cleared before this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ZONED, { message: 'from must name its zone (Z or ±hh:mm) or be a plain date' })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'ISO-8601 with a zone: alarms raised before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ZONED, { message: 'to must name its zone (Z or ±hh:mm) or be a plain date' })
  to?: string;
  // A bigint column; numbers past 2^53 are not exact in JSON or JavaScript anyway.
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'The `nextAfterSeq` of the previous page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  afterSeq?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
