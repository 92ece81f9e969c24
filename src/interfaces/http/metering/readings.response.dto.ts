import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { SensorPage, SensorView } from '../../../application/devices/list-sensors/list-sensors.query.js';
import type { LatestReadings } from '../../../application/metering/query-readings/latest-readings/get-latest-readings.query.js';
import type { NodeDetail } from '../../../application/devices/get-node/get-node.query.js';
import type { NodePage } from '../../../application/devices/list-nodes/list-nodes.query.js';
import type { NodeView } from '../../../application/devices/node-view.js';
import {
  SERIES_BUCKETS,
  type SeriesBucket,
  type SeriesKind,
} from '../../../application/metering/query-readings/reading-series/series-limits.js';
import {
  QUANTITIES,
  QUANTITY_UNITS,
  type CanonicalReading,
  type Phase,
  type Quantity,
  type Unit,
} from '../../../domain/metering/canonical-reading.js';

const UNITS = [...new Set(Object.values(QUANTITY_UNITS))];

export class SensorViewDto implements SensorView {
  @ApiProperty({ example: 'zigbee:0x00124b0012345678/1/power' }) readonly sensorId!: string;
  @ApiProperty() readonly nodeId!: string;
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty({ enum: QUANTITIES }) readonly quantity!: string;
  @ApiProperty({ enum: UNITS }) readonly unit!: string;
  @ApiPropertyOptional({ enum: ['L1', 'L2', 'L3'] }) readonly phase?: string;
  @ApiPropertyOptional({ enum: [1, 2] }) readonly tariff?: number;
  @ApiProperty() readonly lastValue!: number;
  @ApiProperty({ format: 'date-time' }) readonly lastMeasuredAt!: string;
}

export class SensorPageDto implements SensorPage {
  @ApiProperty({ type: [SensorViewDto] }) readonly items!: SensorViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null at the end' })
  readonly nextAfter!: string | null;
}

export class ReadingPositionDto {
  @ApiProperty() readonly lat!: number;
  @ApiProperty() readonly lon!: number;
  @ApiPropertyOptional() readonly label?: string;
}

export class CanonicalReadingDto implements CanonicalReading {
  @ApiProperty() readonly sensorId!: string;
  @ApiProperty({ example: 'zigbee:0x00124b0012345678' }) readonly nodeId!: string;
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty({ enum: QUANTITIES }) readonly quantity!: Quantity;
  @ApiProperty({ enum: UNITS, description: 'Fixed per quantity' }) readonly unit!: Unit;
  @ApiProperty() readonly value!: number;
  @ApiProperty({ format: 'date-time' }) readonly measuredAt!: string;
  @ApiProperty({ format: 'date-time' }) readonly receivedAt!: string;
  @ApiPropertyOptional({ type: ReadingPositionDto }) readonly position?: ReadingPositionDto;
  @ApiPropertyOptional({ enum: ['L1', 'L2', 'L3'] }) readonly phase?: Phase;
  @ApiPropertyOptional({ enum: [1, 2] }) readonly tariff?: 1 | 2;
  @ApiProperty({
    type: 'object',
    description: 'Where it came from in the native protocol: `protocol` plus protocol-specific primitives',
    properties: { protocol: { type: 'string', enum: ['zigbee', 'zigbee2mqtt', 'dsmr', 'modbus'] } },
    required: ['protocol'],
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  })
  readonly source!: CanonicalReading['source'];
}

export class LatestReadingsDto implements LatestReadings {
  @ApiProperty({ type: [CanonicalReadingDto], description: 'In the order asked for' })
  readonly items!: CanonicalReadingDto[];
  @ApiProperty({ type: [String], description: 'Ids that name no sensor the caller may see' })
  readonly missing!: string[];
}

export class RawPointDto {
  @ApiProperty({ format: 'date-time' }) readonly t!: string;
  @ApiProperty() readonly value!: number;
}

export class GaugeBucketPointDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the bucket' }) readonly t!: string;
  @ApiProperty({ type: 'integer' }) readonly count!: number;
  @ApiProperty({ type: Number, nullable: true }) readonly avg!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly min!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly max!: number | null;
}

export class CounterBucketPointDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the bucket' }) readonly t!: string;
  @ApiProperty({ type: 'integer' }) readonly count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Consumption in the bucket, aware of counter resets' })
  readonly delta!: number | null;
}

@ApiExtraModels(RawPointDto, GaugeBucketPointDto, CounterBucketPointDto)
export class SensorSeriesDto {
  @ApiProperty() readonly sensorId!: string;
  @ApiProperty() readonly nodeId!: string;
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty({ enum: QUANTITIES }) readonly quantity!: string;
  @ApiProperty({ enum: UNITS }) readonly unit!: string;
  @ApiProperty({ enum: ['gauge', 'counter'] }) readonly kind!: SeriesKind;
  @ApiProperty({
    type: 'array',
    description: 'Raw points for `bucket=raw`; gauge buckets (avg/min/max) or counter buckets (delta) otherwise',
    items: {
      oneOf: [RawPointDto, GaugeBucketPointDto, CounterBucketPointDto].map((m) => ({ $ref: getSchemaPath(m) })),
    },
  })
  readonly points!: (RawPointDto | GaugeBucketPointDto | CounterBucketPointDto)[];
}

export class ReadingSeriesDto {
  @ApiProperty({ enum: SERIES_BUCKETS }) readonly bucket!: SeriesBucket;
  @ApiProperty({ format: 'date-time' }) readonly from!: string;
  @ApiProperty({ format: 'date-time' }) readonly to!: string;
  @ApiProperty({ type: [String], description: 'Ids that name no sensor the caller may see' })
  readonly missing!: string[];
  @ApiProperty({ type: [SensorSeriesDto] }) readonly series!: SensorSeriesDto[];
}

export class NodeViewDto implements NodeView {
  @ApiProperty({ example: 'zigbee:0x00124b0012345678' }) readonly nodeId!: string;
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty({ type: String, nullable: true }) readonly protocol!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly model!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly vendor!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly firmware!: string | null;
  @ApiProperty({ example: 'joined' }) readonly status!: string;
  @ApiProperty({ type: 'integer', nullable: true }) readonly linkQuality!: number | null;
  @ApiProperty({ type: String, nullable: true }) readonly availability!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly joinedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly interviewedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly leftAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly lastSeenAt!: string | null;
}

export class NodeDetailDto extends NodeViewDto implements NodeDetail {
  @ApiProperty({ type: [String], description: 'Sensors of the node that have reported, in id order' })
  readonly sensorIds!: string[];
}

export class NodePageDto implements NodePage {
  @ApiProperty({ type: [NodeViewDto] }) readonly items!: NodeViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null at the end' })
  readonly nextAfter!: string | null;
}
