import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { ChangedGatewayDetails } from '../../../application/gateways/change-gateway-details/change-gateway-details.command.js';
import type {
  FieldChange,
  SetField,
} from '../../../application/gateways/gateway-configuration-history/gateway-configuration.js';
import type { GatewayConfigurationView } from '../../../application/gateways/gateway-configuration-history/gateway-configuration-history.queries.js';
import { NETWORK_FIELDS } from '../../../domain/gateways/network-configuration.events.js';
import { NetworkConfigurationFieldDto, PendingNetworkRequestDto } from './network-configuration.response.dto.js';

// Response shapes for the OpenAPI document; `implements` keeps them in step with what the handlers return.

const FIELDS = ['name', 'networkType', 'address', 'description', 'location', 'ownerId', 'keyFingerprint', 'lifecycle'];
// null (no value before the first change) is carried by the object branch only, so it matches one branch.
const JSON_VALUE = {
  description: 'A string, an object for `location` and the network fields, or null',
  oneOf: [{ type: 'string' }, { type: 'object', nullable: true }],
};

export class ChangedGatewayDetailsDto implements ChangedGatewayDetails {
  @ApiProperty() readonly id!: string;
  @ApiProperty({
    type: [String],
    description: 'The fields whose value changed; empty when the request changed nothing',
    example: ['name'],
  })
  readonly changedFields!: string[];
}

export class SetFieldDto implements SetField {
  @ApiProperty(JSON_VALUE) readonly value!: unknown;
  @ApiProperty({ description: 'Actor id of who set it' }) readonly by!: string;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiProperty({ type: 'integer', description: 'Revision of the gateway stream that set it' })
  readonly revision!: number;
}

@ApiExtraModels(SetFieldDto)
export class GatewayConfigurationViewDto implements GatewayConfigurationView {
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The last revision folded into this view; null when the gateway did not exist yet',
  })
  readonly revision!: number | null;
  @ApiProperty({
    type: 'object',
    description: `Per field (${FIELDS.map((f) => `\`${f}\``).join(', ')}): its value and who set it when`,
    additionalProperties: { $ref: getSchemaPath(SetFieldDto) },
  })
  readonly fields!: Record<string, SetFieldDto>;
  @ApiProperty({
    type: [NetworkConfigurationFieldDto],
    description: 'Desired vs applied network settings, each with who asked and when',
  })
  readonly network!: NetworkConfigurationFieldDto[];
  @ApiProperty({
    type: [PendingNetworkRequestDto],
    description: 'Network configuration requests waiting for the gateway at that instant',
  })
  readonly pending!: PendingNetworkRequestDto[];
}

export class FieldChangeDto implements FieldChange {
  @ApiProperty({ enum: [...FIELDS, ...NETWORK_FIELDS] }) readonly field!: string;
  @ApiProperty({
    ...JSON_VALUE,
    description: `${JSON_VALUE.description}. Network fields: the desired value for a request, the applied one for a confirmation, null for the other steps`,
  })
  readonly before!: unknown;
  @ApiProperty(JSON_VALUE) readonly after!: unknown;
  @ApiProperty({ description: 'Who changed it; for network fields who asked for the change the step belongs to' })
  readonly by!: string;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiProperty({ type: 'integer' }) readonly revision!: number;
  @ApiProperty({ example: 'GatewayDetailsChanged' }) readonly type!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Network fields: the request the step belongs to' })
  readonly requestId?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Network fields: the request's reason, the confirmation, or why it was rejected",
  })
  readonly detail?: string | null;
}
