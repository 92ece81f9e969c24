import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { AlarmPage, AlarmView } from '../../../application/monitoring/query-alarms/alarm-view.js';
import {
  ALARM_KINDS,
  type AlarmClearReason,
  type AlarmKind,
  type AlarmSetting,
} from '../../../domain/monitoring/alarm.events.js';
import { AlarmPowerAboveChangeDto, AlarmVoltageBandChangeDto } from '../devices/node-configuration.response.dto.js';

const CLEAR_REASONS: readonly AlarmClearReason[] = ['condition_ended', 'setting_disabled', 'setting_changed'];

@ApiExtraModels(AlarmPowerAboveChangeDto, AlarmVoltageBandChangeDto)
export class AlarmDto implements AlarmView {
  @ApiProperty({ format: 'uuid' }) readonly alarmId!: string;
  @ApiProperty({ type: 'integer', description: 'Order of raising; pass the last one of a page as `afterSeq`' })
  readonly seq!: number;
  @ApiProperty() readonly nodeId!: string;
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty() readonly sensorId!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['L1', 'L2', 'L3'] }) readonly phase!: string | null;
  @ApiProperty({ enum: ALARM_KINDS }) readonly kind!: AlarmKind;
  @ApiProperty({ enum: ['W', 'V'] }) readonly unit!: string;
  @ApiProperty({ enum: ['open', 'cleared'] }) readonly state!: 'open' | 'cleared';
  @ApiProperty({
    description: "The setting it was judged by, as the node's configuration applied it",
    oneOf: [{ $ref: getSchemaPath(AlarmPowerAboveChangeDto) }, { $ref: getSchemaPath(AlarmVoltageBandChangeDto) }],
    discriminator: {
      propertyName: 'kind',
      mapping: {
        alarm_power_above: getSchemaPath(AlarmPowerAboveChangeDto),
        alarm_voltage_band: getSchemaPath(AlarmVoltageBandChangeDto),
      },
    },
  })
  readonly setting!: AlarmSetting;
  @ApiProperty({ format: 'uuid', description: 'The configuration request that applied the setting' })
  readonly settingRequestId!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'Measured time of the first reading of the stretch that tripped it',
  })
  readonly since!: string;
  @ApiProperty({ format: 'date-time', description: 'Measured time of the reading that tripped it' })
  readonly raisedAt!: string;
  @ApiProperty({ description: 'The reading that tripped it' }) readonly raisedValue!: number;
  @ApiProperty({ description: 'The reading at `since`' }) readonly firstValue!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['above', 'below'],
    description: 'voltage_band: on which side of the band',
  })
  readonly direction!: 'above' | 'below' | null;
  @ApiProperty({
    description:
      'Power: the highest reading; voltage: the one farthest outside the band — as of the raise while open, of the whole alarm once cleared',
  })
  readonly peak!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the condition ended' })
  readonly clearedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: CLEAR_REASONS }) readonly clearReason!: AlarmClearReason | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The reading that ended it; null while open or when the setting ended it',
  })
  readonly clearedValue!: number | null;
}

export class AlarmPageDto implements AlarmPage {
  @ApiProperty({ type: [AlarmDto] }) readonly items!: AlarmDto[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Pass as `afterSeq` for the next, older page; null at the end',
  })
  readonly nextAfterSeq!: number | null;
}
