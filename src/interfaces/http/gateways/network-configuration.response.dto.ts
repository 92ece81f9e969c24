import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  type ApiPropertyOptions,
} from '@nestjs/swagger';
import type {
  NetworkConfigurationField,
  NetworkValue,
  PendingNetworkRequest,
} from '../../../application/gateways/gateway-configuration-history/gateway-configuration.js';
import type { RequestedNetworkConfiguration } from '../../../application/gateways/network-configuration/request-network-configuration/request-network-configuration.command.js';
import type { NetworkRequestStatus } from '../../../domain/gateways/network-configuration.decider.js';
import type {
  NetworkConfigurationChange,
  NetworkConfigurationReport,
} from '../../../domain/gateways/network-configuration.events.js';
import { NETWORK_FIELDS } from '../../../domain/gateways/network-configuration.events.js';

// Response shapes for the OpenAPI document; `implements` keeps them in step with what the handlers return.

const REQUEST_STATUSES: NetworkRequestStatus[] = ['requested', 'sent', 'applied', 'rejected', 'timed_out'];

export class PermitJoinChangeDto {
  @ApiProperty({ enum: ['permit_join'] }) readonly kind!: 'permit_join';
  @ApiProperty({ type: 'integer', description: '0 closes joining' }) readonly seconds!: number;
}
export class ChannelChangeDto {
  @ApiProperty({ enum: ['channel'] }) readonly kind!: 'channel';
  @ApiProperty({ type: 'integer' }) readonly channel!: number;
}
export class PermitJoinReportDto {
  @ApiProperty({ enum: ['permit_join'] }) readonly kind!: 'permit_join';
  @ApiProperty({ description: 'Whether the coordinator let devices join right after the change' })
  readonly open!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "Until when, by the gateway's clock; null when closed",
  })
  readonly until!: string | null;
}
export class ChannelReportDto {
  @ApiProperty({ enum: ['channel'] }) readonly kind!: 'channel';
  @ApiProperty({ type: 'integer', description: 'The channel the coordinator reports it runs on' })
  readonly channel!: number;
  @ApiProperty({ type: 'integer' }) readonly panId!: number;
  @ApiProperty({ example: '0xdddddddddddddddd' }) readonly extendedPanId!: string;
  @ApiProperty({ type: 'integer', description: 'Incremented by each channel change' }) readonly nwkUpdateId!: number;
}

const CHANGES = { permit_join: PermitJoinChangeDto, channel: ChannelChangeDto };
const REPORTS = { permit_join: PermitJoinReportDto, channel: ChannelReportDto };
function oneOfKind(
  models: Readonly<Record<string, abstract new () => unknown>>,
  description: string,
): ApiPropertyOptions {
  return {
    description,
    oneOf: Object.values(models).map((m) => ({ $ref: getSchemaPath(m) })),
    discriminator: {
      propertyName: 'kind',
      mapping: Object.fromEntries(Object.entries(models).map(([kind, m]) => [kind, getSchemaPath(m)])),
    },
  };
}

// null is carried by a branch of its own, so a value matches exactly one branch of the `oneOf`.
const NULLABLE_REPORT: ApiPropertyOptions = {
  description: 'What the coordinator reported once applied; null otherwise',
  oneOf: [
    ...Object.values(REPORTS).map((m) => ({ $ref: getSchemaPath(m) })),
    { type: 'object', nullable: true, enum: [null] },
  ],
};

@ApiExtraModels(...Object.values(CHANGES), ...Object.values(REPORTS))
export class RequestedNetworkConfigurationDto implements RequestedNetworkConfiguration {
  @ApiProperty({ format: 'uuid' }) readonly requestId!: string;
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty({ enum: NETWORK_FIELDS }) readonly field!: string;
  @ApiProperty({ enum: REQUEST_STATUSES, description: '`requested` until the gateway is connected and it is sent' })
  readonly status!: NetworkRequestStatus;
  @ApiProperty({ format: 'date-time' }) readonly expiresAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The gateway's confirmation or the reason for a rejection",
  })
  readonly outcome!: string | null;
  @ApiProperty(NULLABLE_REPORT) readonly applied!: NetworkConfigurationReport | null;
}

/** 200 answer of `permitGatewayJoin`: the coordinator confirmed. */
export class PermitJoinResultDto extends RequestedNetworkConfigurationDto {
  @ApiProperty({ description: 'Always true here: a rejection is answered 422, an expiry 504' }) readonly ok!: boolean;
  @ApiPropertyOptional({ example: 'joining permitted until 2026-01-01T12:01:00.000Z' }) readonly detail?: string;
}

@ApiExtraModels(...Object.values(CHANGES))
export class DesiredNetworkValueDto implements NetworkValue {
  @ApiProperty(oneOfKind(CHANGES, 'The change asked for')) readonly value!: NetworkConfigurationChange;
  @ApiProperty({ format: 'uuid' }) readonly requestId!: string;
  @ApiProperty({ description: 'Actor id of who asked for it' }) readonly by!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was recorded' }) readonly at!: string;
  @ApiProperty({ type: 'integer', description: 'Revision of the gateway stream that recorded it' })
  readonly revision!: number;
}

@ApiExtraModels(...Object.values(REPORTS))
export class AppliedNetworkValueDto implements NetworkValue {
  @ApiProperty(oneOfKind(REPORTS, 'What the coordinator reported after applying it'))
  readonly value!: NetworkConfigurationReport;
  @ApiProperty({ format: 'uuid' }) readonly requestId!: string;
  @ApiProperty({ description: 'Actor id of who asked for the change' }) readonly by!: string;
  @ApiProperty({ format: 'date-time', description: 'When the confirmation was recorded' }) readonly at!: string;
  @ApiProperty({ type: 'integer', description: 'Revision of the gateway stream that recorded it' })
  readonly revision!: number;
}

export class NetworkConfigurationFieldDto implements NetworkConfigurationField {
  @ApiProperty({ enum: NETWORK_FIELDS }) readonly field!: string;
  @ApiProperty({ type: DesiredNetworkValueDto, nullable: true, description: 'What was last asked for' })
  readonly desired!: DesiredNetworkValueDto | null;
  @ApiProperty({ type: AppliedNetworkValueDto, nullable: true, description: 'What the coordinator last confirmed' })
  readonly applied!: AppliedNetworkValueDto | null;
  @ApiProperty({
    enum: ['applied', 'pending', 'differs'],
    description: '`differs`: the last request was rejected or timed out',
  })
  readonly sync!: 'applied' | 'pending' | 'differs';
}

export class PendingNetworkRequestDto implements PendingNetworkRequest {
  @ApiProperty({ format: 'uuid' }) readonly requestId!: string;
  @ApiProperty({ enum: NETWORK_FIELDS }) readonly field!: string;
  @ApiProperty({ enum: ['requested', 'sent'] }) readonly status!: NetworkRequestStatus;
  @ApiProperty() readonly requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) readonly requestedAt!: string;
  @ApiProperty({ format: 'date-time' }) readonly expiresAt!: string;
}
