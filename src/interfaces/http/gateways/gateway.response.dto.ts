import { ApiProperty } from '@nestjs/swagger';
import type { ErasedOwnershipPeriods } from '../../../application/gateways/erase-ownership-periods/erase-ownership-periods.command.js';
import type { ChangedGatewayOwner } from '../../../application/gateways/change-gateway-owner/change-gateway-owner.command.js';
import type { DecommissionedGateway } from '../../../application/gateways/decommission-gateway/decommission-gateway.command.js';
import type { GatewayView } from '../../../application/gateways/gateway-status-read-model/gateway-view.js';
import type { GatewayPage } from '../../../application/gateways/list-gateways/list-gateways.query.js';
import type { IssuedNetworkKey } from '../../../application/gateways/register-gateway/register-gateway.command.js';
import { NETWORK_TYPES } from '../../../domain/gateways/gateway.events.js';

// Response shapes for the OpenAPI document; `implements` keeps them in step with what the handlers return.

export class IssuedNetworkKeyDto implements IssuedNetworkKey {
  @ApiProperty({ example: 'gw-home-1' }) readonly id!: string;
  @ApiProperty({ description: 'The 256-bit network key, hex; shown once, never again', pattern: '^[0-9a-f]{64}$' })
  readonly key!: string;
  @ApiProperty({ description: 'SHA-256 fingerprint of the key, as events and status views show it' })
  readonly fingerprint!: string;
}

export class GatewayLocationDto {
  @ApiProperty({ minimum: -90, maximum: 90 }) readonly lat!: number;
  @ApiProperty({ minimum: -180, maximum: 180 }) readonly lon!: number;
  @ApiProperty() readonly label!: string;
}

export class GatewayRefusalDto {
  @ApiProperty({ example: 'unknown_identity' }) readonly reason!: string;
  @ApiProperty() readonly detail!: string;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
}

export class GatewayViewDto implements GatewayView {
  @ApiProperty() readonly id!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty({ enum: NETWORK_TYPES }) readonly networkType!: string;
  @ApiProperty() readonly address!: string;
  @ApiProperty() readonly description!: string;
  @ApiProperty({ type: GatewayLocationDto }) readonly location!: GatewayLocationDto;
  @ApiProperty({ description: 'User id of the owner' }) readonly ownerId!: string;
  @ApiProperty({ enum: ['registered', 'decommissioned'] }) readonly lifecycle!: 'registered' | 'decommissioned';
  @ApiProperty() readonly keyFingerprint!: string;
  @ApiProperty({ enum: ['online', 'offline'] }) readonly connection!: 'online' | 'offline';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly lastSeenAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) readonly openSessions!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) readonly framesReceived!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) readonly readingsReceived!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Payloads kept undecoded (bad CRC, unknown model, …)' })
  readonly payloadsUndecoded!: number;
  @ApiProperty({ type: String, nullable: true, example: 'bad_crc' }) readonly lastUndecodedReason!: string | null;
  @ApiProperty({ type: GatewayRefusalDto, nullable: true }) readonly lastRefusal!: GatewayRefusalDto | null;
  @ApiProperty({ format: 'date-time' }) readonly registeredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly decommissionedAt!: string | null;
}

export class GatewayPageDto implements GatewayPage {
  @ApiProperty({ type: [GatewayViewDto] }) readonly items!: GatewayViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null at the end' })
  readonly nextAfter!: string | null;
}

export class DecommissionedGatewayDto implements DecommissionedGateway {
  @ApiProperty() readonly id!: string;
  @ApiProperty({ format: 'date-time' }) readonly decommissionedAt!: string;
}

export class ChangedGatewayOwnerDto implements ChangedGatewayOwner {
  @ApiProperty() readonly id!: string;
  @ApiProperty({ description: 'User id of the new owner' }) readonly ownerId!: string;
  @ApiProperty({ description: 'False when the gateway already belonged to that owner (nothing was recorded)' })
  readonly changed!: boolean;
}

export class ErasedPeriodDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null for the first owner’s period, which has no start',
  })
  readonly from!: string | null;
  @ApiProperty({ format: 'date-time' }) readonly to!: string;
}

export class ErasedOwnershipPeriodsDto implements ErasedOwnershipPeriods {
  @ApiProperty() readonly id!: string;
  @ApiProperty({ description: 'User id of the former owner' }) readonly ownerId!: string;
  @ApiProperty({ type: [ErasedPeriodDto], description: 'Each period erased, `[from, to)`, one tombstone each' })
  readonly erased!: ErasedPeriodDto[];
}
