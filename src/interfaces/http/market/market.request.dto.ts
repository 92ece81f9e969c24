import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type, type TransformFnParams } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { COST_BUCKETS, type CostBucket } from '../../../application/market/query-owner-costs/owner-costs.query.js';
import { MAX_ENROLLED_RESOURCES } from '../../../domain/market/enrollment.decider.js';
import { SHARE_REPORTS, type ShareReports } from '../../../domain/market/enrollment.events.js';
import { OBJECT_ID } from '../../../domain/market/openadr-objects.js';
import { SIGNAL_KINDS, type SignalKind } from '../../../domain/market/participant-signals.js';
import { ZONED } from '../metering/readings.request.dto.js';

const asList = ({ value }: TransformFnParams): unknown =>
  value === undefined || Array.isArray(value) ? value : [value];

export class EnrollmentRequestDto {
  @ApiProperty({ description: 'The program to join (`id` from GET /api/market/programs)', example: 'c0a8…' })
  @IsString()
  @Matches(OBJECT_ID, { message: 'programId must be a program id' })
  readonly programId!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_ENROLLED_RESOURCES,
    description:
      "Plugs to enroll: sensor ids of the caller's own gateways (usually a plug's switchState). The utility sees each as a resource with an opaque name",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ENROLLED_RESOURCES)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  readonly sensorIds!: string[];

  @ApiProperty({ description: "Consent to demand-response dispatch of these plugs by the owner's accepted rules" })
  @IsBoolean()
  readonly allowDispatch!: boolean;

  @ApiProperty({
    enum: SHARE_REPORTS,
    description: 'Consent to share measurements with the utility in reports: none, the sum only, or per plug',
  })
  @IsIn(SHARE_REPORTS)
  readonly shareReports!: ShareReports;
}

export class PauseEnrollmentRequestDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description:
      'When the owner means to resume (kept and shown as pausedUntil; the enrollment stays paused until resumed); absent or null: no date',
  })
  @IsOptional()
  @ValidateIf((body: PauseEnrollmentRequestDto) => body.until !== null)
  @IsISO8601({ strict: true })
  @Matches(ZONED, { message: 'until must name its time zone (Z or an offset)' })
  readonly until?: string | null;

  @ApiPropertyOptional({ maxLength: 200, description: "A note for the owner's own history" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly reason?: string;
}

class RangeQuery {
  @ApiProperty({ format: 'date-time', description: 'Start of the range (inclusive), with its zone' })
  @IsDefined()
  @IsISO8601({ strict: true })
  @Matches(ZONED, { message: 'from must name its time zone (Z or an offset)' })
  readonly from!: string;

  @ApiProperty({ format: 'date-time', description: 'End of the range (exclusive); at most 31 days after from' })
  @IsDefined()
  @IsISO8601({ strict: true })
  @Matches(ZONED, { message: 'to must name its time zone (Z or an offset)' })
  readonly to!: string;

  @ApiPropertyOptional({
    default: 'UTC',
    maxLength: 64,
    description: "The owner's IANA time zone: times are answered on its wall clock, day-long durations follow it",
    example: 'Europe/Amsterdam',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly timeZone: string = 'UTC';
}

export class SignalsQueryDto extends RangeQuery {
  @ApiPropertyOptional({ description: 'Only this program (one the caller is enrolled in)' })
  @IsOptional()
  @Matches(OBJECT_ID, { message: 'programId must be a program id' })
  readonly programId?: string;

  @ApiPropertyOptional({ enum: SIGNAL_KINDS, description: 'Only signals of this kind' })
  @IsOptional()
  @IsIn(SIGNAL_KINDS)
  readonly kind?: SignalKind;
}

export class CostsQueryDto extends RangeQuery {
  @ApiProperty({ description: 'The program whose prices apply (one the caller is or was enrolled in)' })
  @Matches(OBJECT_ID, { message: 'programId must be a program id' })
  readonly programId!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 10,
    description: 'Energy meters (energyImported or energyExported sensors): repeat the parameter',
  })
  @IsDefined({ message: 'sensor is required: ?sensor=<id>&sensor=<id>…' })
  @Transform(asList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  readonly sensor!: string[];

  @ApiPropertyOptional({ enum: COST_BUCKETS, default: '1h' })
  @IsOptional()
  @IsIn(COST_BUCKETS)
  readonly bucket: CostBucket = '1h';

  @ApiPropertyOptional({
    default: 'PRICE',
    maxLength: 128,
    description: 'Which price of the program: PRICE (import) or EXPORT_PRICE',
  })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  readonly payloadType: string = 'PRICE';
}

export class ProgramsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  readonly skip: number = 0;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  readonly limit: number = 50;
}
