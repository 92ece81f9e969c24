import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { NodeConfigurationRow } from '../../../application/devices/node-configuration-read-model/node-configuration.projection.js';
import type {
  ConfigurationChange,
  NodeConfigurationField,
  NodeConfigurationView,
} from '../../../application/devices/node-configuration/node-configuration-history/node-configuration-history.queries.js';
import type { RequestedNodeConfiguration } from '../../../application/devices/node-configuration/request-node-configuration/request-node-configuration.command.js';
import type { FieldValue } from '../../../domain/devices/node-configuration.decider.js';
import {
  REPORTABLE_QUANTITIES,
  type NodeConfigurationChange,
} from '../../../domain/devices/node-configuration.events.js';

// Response shapes for the OpenAPI document; `implements` keeps them in step with what the handlers return.

const REQUEST_STATUSES = ['requested', 'sent', 'applied', 'rejected', 'timed_out'];
// Any JSON value; null is carried by the object branch only, so it matches exactly one branch of the `oneOf`.
const JSON_VALUE = {
  description: 'A JSON value: the field as the event recorded it, or null',
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', nullable: true },
    { type: 'array', items: {} },
  ],
};

export class ReportingChangeDto {
  @ApiProperty({ enum: ['reporting'] }) readonly kind!: 'reporting';
  @ApiProperty({ enum: REPORTABLE_QUANTITIES }) readonly quantity!: string;
  @ApiProperty({ type: 'integer' }) readonly minIntervalS!: number;
  @ApiProperty({ type: 'integer' }) readonly maxIntervalS!: number;
  @ApiProperty() readonly reportableChange!: number;
}
export class AlarmPowerAboveChangeDto {
  @ApiProperty({ enum: ['alarm_power_above'] }) readonly kind!: 'alarm_power_above';
  @ApiProperty() readonly enabled!: boolean;
  @ApiProperty() readonly thresholdW!: number;
  @ApiProperty({ type: 'integer' }) readonly forSeconds!: number;
}
export class AlarmVoltageBandChangeDto {
  @ApiProperty({ enum: ['alarm_voltage_band'] }) readonly kind!: 'alarm_voltage_band';
  @ApiProperty() readonly enabled!: boolean;
  @ApiProperty() readonly minV!: number;
  @ApiProperty() readonly maxV!: number;
}
export class FirmwareUpdateChangeDto {
  @ApiProperty({ enum: ['firmware_update'] }) readonly kind!: 'firmware_update';
  @ApiProperty() readonly version!: string;
}
export class PollIntervalChangeDto {
  @ApiProperty({ enum: ['poll_interval'] }) readonly kind!: 'poll_interval';
  @ApiProperty({ type: 'integer' }) readonly seconds!: number;
}

const CHANGE_MODELS = {
  reporting: ReportingChangeDto,
  alarm_power_above: AlarmPowerAboveChangeDto,
  alarm_voltage_band: AlarmVoltageBandChangeDto,
  firmware_update: FirmwareUpdateChangeDto,
  poll_interval: PollIntervalChangeDto,
};

@ApiExtraModels(...Object.values(CHANGE_MODELS))
export class FieldValueDto implements FieldValue {
  @ApiProperty({
    description: 'The setting, one shape per `kind`',
    oneOf: Object.values(CHANGE_MODELS).map((m) => ({ $ref: getSchemaPath(m) })),
    discriminator: {
      propertyName: 'kind',
      mapping: Object.fromEntries(Object.entries(CHANGE_MODELS).map(([kind, m]) => [kind, getSchemaPath(m)])),
    },
  })
  readonly value!: NodeConfigurationChange;
  @ApiProperty({ format: 'uuid' }) readonly requestId!: string;
  @ApiProperty({ description: 'Actor id of who asked for it' }) readonly by!: string;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
}

export class NodeConfigurationFieldDto implements NodeConfigurationField {
  @ApiProperty({ example: 'reporting.power' }) readonly field!: string;
  @ApiProperty({ type: FieldValueDto, nullable: true, description: 'What was last asked for' })
  readonly desired!: FieldValueDto | null;
  @ApiProperty({ type: FieldValueDto, nullable: true, description: 'What the device last confirmed' })
  readonly applied!: FieldValueDto | null;
  @ApiProperty({ enum: ['applied', 'pending', 'differs'], description: '`differs`: the last request failed' })
  readonly sync!: 'applied' | 'pending' | 'differs';
}

export class PendingConfigurationRequestDto {
  @ApiProperty({ format: 'uuid' }) readonly requestId!: string;
  @ApiProperty() readonly field!: string;
  @ApiProperty({ enum: ['requested', 'sent'] }) readonly status!: string;
  @ApiProperty() readonly requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) readonly requestedAt!: string;
  @ApiProperty({ format: 'date-time' }) readonly expiresAt!: string;
}

export class NodeConfigurationViewDto implements NodeConfigurationView {
  @ApiProperty() readonly nodeId!: string;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The last revision of the node stream in this view; null before its first event',
  })
  readonly revision!: number | null;
  @ApiProperty({ type: [NodeConfigurationFieldDto] }) readonly fields!: NodeConfigurationFieldDto[];
  @ApiProperty({ type: [PendingConfigurationRequestDto] }) readonly pending!: PendingConfigurationRequestDto[];
}

export class ConfigurationChangeDto implements ConfigurationChange {
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiProperty({ type: 'integer' }) readonly revision!: number;
  @ApiProperty({ example: 'NodeConfigurationApplied' }) readonly type!: string;
  @ApiProperty() readonly field!: string;
  @ApiProperty({ format: 'uuid' }) readonly requestId!: string;
  @ApiProperty({ description: 'Who asked for the change this event belongs to' }) readonly by!: string;
  @ApiProperty(JSON_VALUE) readonly before!: unknown;
  @ApiProperty(JSON_VALUE) readonly after!: unknown;
  @ApiProperty({ type: String, nullable: true }) readonly detail!: string | null;
}

export class RequestedNodeConfigurationDto implements RequestedNodeConfiguration {
  @ApiProperty({ format: 'uuid' }) readonly requestId!: string;
  @ApiProperty() readonly nodeId!: string;
  @ApiProperty({ example: 'reporting.power' }) readonly field!: string;
  @ApiProperty({
    enum: REQUEST_STATUSES,
    description: 'Alarm settings are `applied` at once; device settings start `requested`',
  })
  readonly status!: string;
}

export class NodeConfigurationRowDto implements NodeConfigurationRow {
  @ApiProperty() readonly nodeId!: string;
  @ApiProperty() readonly field!: string;
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty(JSON_VALUE) readonly desired!: unknown;
  @ApiProperty() readonly desiredBy!: string;
  @ApiProperty({ format: 'date-time' }) readonly desiredAt!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) readonly status!: string;
  @ApiProperty({ type: String, nullable: true }) readonly outcome!: string | null;
  @ApiProperty(JSON_VALUE) readonly applied!: unknown;
  @ApiProperty({ type: String, nullable: true }) readonly appliedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly appliedAt!: string | null;
  @ApiProperty({ description: 'The device runs what was last asked for' }) readonly inSync!: boolean;
}

export class NodeConfigurationListDto {
  @ApiProperty({ type: [NodeConfigurationRowDto] }) readonly items!: NodeConfigurationRowDto[];
}
