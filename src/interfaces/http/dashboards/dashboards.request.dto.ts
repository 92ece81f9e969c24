import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RELATIVE_RANGES, TILE_KINDS } from '../../../domain/dashboards/dashboard.events.js';
import { DASHBOARD_LIMITS } from '../../../domain/dashboards/dashboard.validation.js';

const RANGE_KINDS = ['relative', 'absolute'] as const;

export class TimeRangeRequestDto {
  @ApiProperty({ enum: RANGE_KINDS, description: '`relative`: the last `last` up to now; `absolute`: `from` to `to`' })
  @IsIn(RANGE_KINDS, { message: 'timeRange.kind must be relative or absolute' })
  kind!: (typeof RANGE_KINDS)[number];
  @ApiPropertyOptional({ enum: RELATIVE_RANGES, description: 'For a relative range' })
  @IsOptional()
  @IsIn(RELATIVE_RANGES, { message: `timeRange.last must be one of: ${RELATIVE_RANGES.join(', ')}` })
  last?: (typeof RELATIVE_RANGES)[number];
  @ApiPropertyOptional({ format: 'date-time', description: 'For an absolute range: ISO-8601 with a zone' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'For an absolute range: ISO-8601 with a zone, after `from`',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class TileRequestDto {
  @ApiProperty({ enum: TILE_KINDS })
  @IsIn(TILE_KINDS, { message: `kind must be one of: ${TILE_KINDS.join(', ')}` })
  kind!: (typeof TILE_KINDS)[number];
  @ApiProperty({ maxLength: DASHBOARD_LIMITS.titleMax, example: 'Kitchen power' })
  @IsString()
  @MaxLength(DASHBOARD_LIMITS.titleMax)
  title!: string;
  @ApiPropertyOptional({
    type: [String],
    maxItems: DASHBOARD_LIMITS.seriesPerTileMax,
    description: 'chart: 1 to 8 sensors; alarms: 0 to 8 (none: every sensor the viewer may read)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DASHBOARD_LIMITS.seriesPerTileMax)
  @IsString({ each: true })
  @Length(1, DASHBOARD_LIMITS.sensorIdMax, { each: true })
  sensorIds?: string[];
  @ApiPropertyOptional({ maxLength: DASHBOARD_LIMITS.sensorIdMax, description: 'number, gauge, switch: the sensor' })
  @IsOptional()
  @IsString()
  @Length(1, DASHBOARD_LIMITS.sensorIdMax)
  sensorId?: string;
  @ApiPropertyOptional({ description: 'gauge: the value at the empty end' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min?: number;
  @ApiPropertyOptional({ description: 'gauge: the value at the full end, above `min`' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  max?: number;
  @ApiPropertyOptional({
    type: TimeRangeRequestDto,
    description: "chart, alarms: this tile's own range instead of the dashboard's",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TimeRangeRequestDto)
  timeRange?: TimeRangeRequestDto;
}

export class CreateDashboardRequestDto {
  @ApiProperty({ minLength: 1, maxLength: DASHBOARD_LIMITS.nameMax, example: 'Kitchen' })
  @IsString()
  @Length(1, DASHBOARD_LIMITS.nameMax)
  name!: string;
}

/** Every edit names the version the client read: an edit of an older one is refused with 409. */
export class VersionedRequestDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The `version` the client last read' })
  @IsInt()
  @Min(0)
  expectedVersion!: number;
}

export class RenameDashboardRequestDto extends VersionedRequestDto {
  @ApiProperty({ minLength: 1, maxLength: DASHBOARD_LIMITS.nameMax })
  @IsString()
  @Length(1, DASHBOARD_LIMITS.nameMax)
  name!: string;
}

export class TileChangeRequestDto extends VersionedRequestDto {
  @ApiProperty({ type: TileRequestDto })
  @IsDefined({ message: 'tile is required' })
  @IsObject()
  @ValidateNested()
  @Type(() => TileRequestDto)
  tile!: TileRequestDto;
}

export class TimeRangeChangeRequestDto extends VersionedRequestDto {
  @ApiProperty({ type: TimeRangeRequestDto })
  @IsDefined({ message: 'timeRange is required' })
  @IsObject()
  @ValidateNested()
  @Type(() => TimeRangeRequestDto)
  timeRange!: TimeRangeRequestDto;
}

export class ExpectedVersionQueryDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The `version` the client last read' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  expectedVersion!: number;
}

export class DuplicateDashboardRequestDto {
  @ApiPropertyOptional({ maxLength: DASHBOARD_LIMITS.nameMax, description: 'Default: the source\'s name + " (copy)"' })
  @IsOptional()
  @IsString()
  @Length(1, DASHBOARD_LIMITS.nameMax)
  name?: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: "The source's version to copy; default its current",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}
