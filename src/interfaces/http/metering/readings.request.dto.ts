import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type, type TransformFnParams } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_LATEST_SENSORS } from '../../../application/metering/query-readings/latest-readings/get-latest-readings.query.js';
import {
  SERIES_BUCKETS,
  SERIES_LIMITS,
  type SeriesBucket,
} from '../../../application/metering/query-readings/reading-series/series-limits.js';
import { MAX_WATCHED_SENSORS } from '../../../application/metering/query-readings/watch-readings/watch-readings.query.js';
import { QUANTITIES } from '../../../domain/metering/canonical-reading.js';

const ID_MAX = 500;
const PAGE_MAX = 1000;

/** `?sensor=a` arrives as a string, `?sensor=a&sensor=b` as an array. */
const asList = ({ value }: TransformFnParams): unknown =>
  value === undefined || Array.isArray(value) ? value : [value];

/** A date-time without a zone would be read in the server's time zone; only explicit instants (or dates, UTC) pass. */
export const ZONED = /^\d{4}-\d{2}-\d{2}$|[T ].*(Z|[+-]\d{2}(:?\d{2})?)$/i;

function sensorList(max: number): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [
      ApiProperty({
        type: [String],
        minItems: 1,
        maxItems: max,
        description: `Sensor ids, up to ${max}: repeat the parameter (\`?sensor=a&sensor=b\`)`,
      }),
      IsDefined({ message: 'sensor is required: ?sensor=<id>&sensor=<id>…' }),
      Transform(asList),
      IsArray(),
      ArrayMinSize(1),
      ArrayMaxSize(max),
      IsString({ each: true }),
      Length(1, ID_MAX, { each: true }),
    ]) {
      decorate(target, key);
    }
  };
}

function instant(): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [
      ApiProperty({
        type: String,
        format: 'date-time',
        description: 'ISO-8601 with a zone (Z or ±hh:mm), or a plain date (UTC)',
        example: '2025-03-01T00:00:00Z',
      }),
      IsDefined({ message: `${String(key)} is required (ISO-8601, e.g. 2025-03-01T00:00:00Z)` }),
      IsISO8601({ strict: true }),
      Matches(ZONED, { message: `${String(key)} must name its zone (Z or ±hh:mm) or be a plain date` }),
    ]) {
      decorate(target, key);
    }
  };
}

export class SensorsRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: ID_MAX, description: "Only this gateway's" })
  @IsOptional()
  @IsString()
  @Length(1, ID_MAX)
  gateway?: string;
  @ApiPropertyOptional({ minLength: 1, maxLength: ID_MAX, description: "Only this node's" })
  @IsOptional()
  @IsString()
  @Length(1, ID_MAX)
  node?: string;
  @ApiPropertyOptional({ enum: QUANTITIES })
  @IsOptional()
  @IsIn(QUANTITIES, { message: `quantity must be one of: ${QUANTITIES.join(', ')}` })
  quantity?: string;
  @ApiPropertyOptional({ maxLength: ID_MAX, description: 'The `nextAfter` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  after?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: PAGE_MAX, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  limit?: number;
}

export class LatestReadingsRequestDto {
  @sensorList(MAX_LATEST_SENSORS) sensor!: string[];
}

export class SeriesRequestDto {
  @sensorList(SERIES_LIMITS.maxSensors) sensor!: string[];
  @instant() from!: string;
  @instant() to!: string;
  @ApiProperty({ enum: SERIES_BUCKETS, description: '`raw` points, or 15-minute, hourly, daily buckets' })
  @IsDefined({ message: `bucket is required: one of ${SERIES_BUCKETS.join(', ')}` })
  @IsIn(SERIES_BUCKETS, { message: `bucket must be one of: ${SERIES_BUCKETS.join(', ')}` })
  bucket!: SeriesBucket;
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Overrides the Accept header' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

export class StreamReadingsRequestDto {
  @sensorList(MAX_WATCHED_SENSORS) sensor!: string[];
}

export class NodesRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: ID_MAX, description: "Only this gateway's" })
  @IsOptional()
  @IsString()
  @Length(1, ID_MAX)
  gateway?: string;
  @ApiPropertyOptional({ maxLength: ID_MAX, description: 'The `nextAfter` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  after?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: PAGE_MAX, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  limit?: number;
}

export const NODE_ID_MAX = ID_MAX;
