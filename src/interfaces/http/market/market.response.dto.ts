import { ApiProperty } from '@nestjs/swagger';
import { COST_BUCKETS } from '../../../application/market/query-owner-costs/owner-costs.query.js';
import { SHARE_REPORTS } from '../../../domain/market/enrollment.events.js';
import { SIGNAL_KINDS } from '../../../domain/market/participant-signals.js';

export class OwnerProgramDto {
  @ApiProperty() id!: string;
  @ApiProperty() programName!: string;
  @ApiProperty({ type: String, nullable: true }) longName!: string | null;
  @ApiProperty({ type: String, nullable: true }) retailerName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'PRICING_TARIFF' }) programType!: string | null;
  @ApiProperty({
    type: [String],
    description: 'What its events carry: PRICE, SIMPLE, ALERT_*, X_TEMPERATURE_FORECAST…',
  })
  payloadTypes!: string[];
  @ApiProperty({ type: [String] }) descriptionUrls!: string[];
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}

export class OwnerProgramPageDto {
  @ApiProperty({ type: [OwnerProgramDto] }) items!: OwnerProgramDto[];
}

export class EnrollmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() programId!: string;
  @ApiProperty({ enum: ['active', 'paused', 'ended'] }) status!: string;
  @ApiProperty() allowDispatch!: boolean;
  @ApiProperty({ enum: SHARE_REPORTS }) shareReports!: string;
  @ApiProperty({ type: [String], description: 'The enrolled plugs' }) sensorIds!: string[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) pausedUntil!: string | null;
  @ApiProperty({ description: "The OpenADR ven the utility sees in the owner's place (opaque, no personal data)" })
  venId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) modifiedAt!: string;
}

export class EnrollmentPageDto {
  @ApiProperty({ type: [EnrollmentDto] }) items!: EnrollmentDto[];
}

const VALUE = { oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }, { type: 'object' }] };

export class SignalSegmentDto {
  @ApiProperty() programId!: string;
  @ApiProperty({ type: String, nullable: true }) eventId!: string | null;
  @ApiProperty({ enum: SIGNAL_KINDS }) kind!: string;
  @ApiProperty({ example: 'PRICE' }) payloadType!: string;
  @ApiProperty({ description: 'Local time with offset, clipped to the range', example: '2026-12-08T00:00:00+01:00' })
  start!: string;
  @ApiProperty({ example: '2026-12-08T00:15:00+01:00' }) end!: string;
  @ApiProperty({ type: 'array', items: VALUE, description: 'One value for prices and levels; alerts keep their texts' })
  values!: unknown[];
  @ApiProperty({ type: String, nullable: true, example: 'KWH' }) units!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'EUR' }) currency!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) priority!: number | null;
}

export class OwnerSignalsDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [SignalSegmentDto] }) segments!: SignalSegmentDto[];
}

export class CostBucketDto {
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ type: Number, nullable: true }) energyKWh!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'energy × the price covering the bucket' })
  cost!: number | null;
  @ApiProperty({ type: String, nullable: true }) currency!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['unmeasured', 'unpriced', 'partly_priced', 'not_a_number', 'mixed_currency', 'unsupported_units'],
  })
  reason!: string | null;
}

export class CostTotalDto {
  @ApiProperty() cost!: number;
  @ApiProperty({ type: String, nullable: true }) currency!: string | null;
  @ApiProperty({ description: 'False when some bucket has no cost (unmeasured or unpriced)' }) complete!: boolean;
}

export class MeterCostDto {
  @ApiProperty() sensorId!: string;
  @ApiProperty() quantity!: string;
  @ApiProperty({ type: [CostBucketDto] }) buckets!: CostBucketDto[];
  @ApiProperty({ type: CostTotalDto }) total!: CostTotalDto;
}

export class OwnerCostsDto {
  @ApiProperty() programId!: string;
  @ApiProperty() payloadType!: string;
  @ApiProperty({ enum: COST_BUCKETS }) bucket!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [MeterCostDto] }) meters!: MeterCostDto[];
}
