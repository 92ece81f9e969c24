import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { ChangedGatewayDetails } from '../../../application/gateways/change-gateway-details/change-gateway-details.command.js';
import type { FieldChange, SetField } from '../../../application/gateways/gateway-configuration-history/gateway-configuration.js';
import type { GatewayConfigurationView } from '../../../application/gateways/gateway-configuration-history/gateway-configuration-history.queries.js';

// Response shapes for the OpenAPI document; `implements` keeps them in step with what the handlers return.

const FIELDS = ['name', 'networkType', 'address', 'description', 'location', 'ownerId', 'keyFingerprint', 'lifecycle'];
// null (no value before the first change) is carried by the object branch only, so it matches one branch.
const JSON_VALUE = { description: 'A string, an object for `location`, or null', oneOf: [{ type: 'string' }, { type: 'object', nullable: true }] };

export class ChangedGatewayDetailsDto implements ChangedGatewayDetails {
  @ApiProperty() readonly id!: string;
  @ApiProperty({ type: [String], description: 'The fields whose value changed; empty when the request changed nothing', example: ['name'] })
  readonly changedFields!: string[];
}

export class SetFieldDto implements SetField {
  @ApiProperty(JSON_VALUE) readonly value!: unknown;
  @ApiProperty({ description: 'Actor id of who set it' }) readonly by!: string;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiProperty({ type: 'integer', description: 'Revision of the gateway stream that set it' }) readonly revision!: number;
}

@ApiExtraModels(SetFieldDto)
export class GatewayConfigurationViewDto implements GatewayConfigurationView {
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The last revision folded into this view; null when the gateway did not exist yet' })
  readonly revision!: number | null;
  @ApiProperty({
    type: 'object',
    description: `Per field (${FIELDS.map((f) => `\`${f}\``).join(', ')}): its value and who set it when`,
    additionalProperties: { $ref: getSchemaPath(SetFieldDto) },
  })
  readonly fields!: Record<string, SetFieldDto>;
}

export class FieldChangeDto implements FieldChange {
  @ApiProperty({ enum: FIELDS }) readonly field!: string;
  @ApiProperty(JSON_VALUE) readonly before!: unknown;
  @ApiProperty(JSON_VALUE) readonly after!: unknown;
  @ApiProperty() readonly by!: string;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiProperty({ type: 'integer' }) readonly revision!: number;
  @ApiProperty({ example: 'GatewayDetailsChanged' }) readonly type!: string;
}
