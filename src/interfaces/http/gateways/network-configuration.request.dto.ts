import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NETWORK_CONFIGURATION_TIMEOUT_LIMITS } from '../../../domain/gateways/network-configuration.decider.js';
import { NETWORK_LIMITS } from '../../../domain/gateways/network-configuration.events.js';

export const NETWORK_CHANGE_KINDS = ['permit_join', 'channel'] as const;

const { permitJoinSeconds, channel } = NETWORK_LIMITS;
const TIMEOUT = NETWORK_CONFIGURATION_TIMEOUT_LIMITS;

/** Shared by both bodies that ask for a network change: how long it may wait, and why. */
class NetworkRequestOptionsDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Stored with the request; empty when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: TIMEOUT.minSeconds,
    maximum: TIMEOUT.maxSeconds,
    default: TIMEOUT.defaultSeconds,
    description:
      'How long the request may wait for the gateway to connect and its coordinator to confirm before it times out',
  })
  @IsOptional()
  @IsInt()
  @Min(TIMEOUT.minSeconds)
  @Max(TIMEOUT.maxSeconds)
  timeoutSeconds?: number;
}

/**
 * One network change as a flat body: `kind` says which other field is required (checked when the change is built,
 * 400 naming the missing one). The limits are the domain's, so a bad value is refused here already.
 */
export class NetworkConfigurationRequestDto extends NetworkRequestOptionsDto {
  @ApiProperty({
    enum: NETWORK_CHANGE_KINDS,
    description: 'Which network setting changes; it decides the required field',
  })
  @IsIn(NETWORK_CHANGE_KINDS, { message: `kind must be one of: ${NETWORK_CHANGE_KINDS.join(', ')}` })
  kind!: (typeof NETWORK_CHANGE_KINDS)[number];
  @ApiPropertyOptional({
    type: 'integer',
    minimum: permitJoinSeconds.min,
    maximum: permitJoinSeconds.max,
    description: 'Required for kind `permit_join`: how long devices may join; 0 closes joining',
  })
  @IsOptional()
  @IsInt()
  @Min(permitJoinSeconds.min)
  @Max(permitJoinSeconds.max)
  seconds?: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: channel.min,
    maximum: channel.max,
    description: 'Required for kind `channel`: the 2.4 GHz ZigBee channel to move the running network to',
  })
  @IsOptional()
  @IsInt()
  @Min(channel.min)
  @Max(channel.max)
  channel?: number;
}

export class PermitJoinRequestDto extends NetworkRequestOptionsDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: permitJoinSeconds.min,
    maximum: permitJoinSeconds.max,
    default: permitJoinSeconds.default,
    description: '0 closes joining',
  })
  @IsOptional()
  @IsInt()
  @Min(permitJoinSeconds.min)
  @Max(permitJoinSeconds.max)
  seconds?: number;
}
