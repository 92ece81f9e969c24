import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Length, Matches } from 'class-validator';
import {
  ANNOTATION_KINDS,
  type AnnotationKind,
  type SensorAnnotation,
  type SensorAnnotations,
} from '../../../application/devices/list-sensor-annotations/list-sensor-annotations.query.js';
import { ZONED } from '../metering/readings.request.dto.js';

export class SensorAnnotationsRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 300, example: 'zigbee:0x00158d0001a2b3c4/1/power' })
  @IsString()
  @Length(1, 300)
  sensor!: string;
  @ApiProperty({ format: 'date-time', description: 'ISO-8601 with a zone' })
  @IsISO8601({ strict: true })
  @Matches(ZONED, { message: 'from must name its zone (Z or ±hh:mm) or be a plain date' })
  from!: string;
  @ApiProperty({ format: 'date-time', description: 'ISO-8601 with a zone' })
  @IsISO8601({ strict: true })
  @Matches(ZONED, { message: 'to must name its zone (Z or ±hh:mm) or be a plain date' })
  to!: string;
}

export class SensorAnnotationDto implements SensorAnnotation {
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiProperty({
    enum: ANNOTATION_KINDS,
    description:
      "The sensor's gateway came online or went offline, its node's configuration or firmware changed, or one of the node's switches was commanded",
  })
  readonly kind!: AnnotationKind;
  @ApiProperty({ example: 'gateway gw-1 offline (link lost)' }) readonly label!: string;
  @ApiProperty({
    format: 'date-time',
    required: false,
    description:
      "Node configuration and firmware only: when the log stored the change (the instant the node's configuration history uses; `at` is when the device applied it)",
  })
  readonly recordedAt?: string;
}

export class SensorAnnotationsDto implements SensorAnnotations {
  @ApiProperty({ type: [SensorAnnotationDto], description: 'Oldest first' }) readonly items!: SensorAnnotationDto[];
  @ApiProperty({
    description: 'More happened in the range than one answer holds (the newest 500 are kept); ask for a shorter range',
  })
  readonly truncated!: boolean;
}
