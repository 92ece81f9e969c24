import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { COMMAND_TIMEOUT_LIMITS } from '../../../domain/control/actuator-command.decider.js';
import { SWITCH_ACTIONS } from '../../../domain/control/actuator-command.events.js';

export class RequestActuatorCommandDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 300,
    description: 'A `switchState` sensor',
    example: 'zigbee:0x00158d0001a2b3c4/1/switchState',
  })
  @IsString()
  @Length(1, 300)
  sensorId!: string;
  @ApiProperty({ enum: SWITCH_ACTIONS })
  @IsIn(SWITCH_ACTIONS, { message: `action must be one of: ${SWITCH_ACTIONS.join(', ')}` })
  action!: 'on' | 'off' | 'toggle';
  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Stored with the command; empty when omitted',
    example: 'evening routine',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: COMMAND_TIMEOUT_LIMITS.minSeconds,
    maximum: COMMAND_TIMEOUT_LIMITS.maxSeconds,
    default: COMMAND_TIMEOUT_LIMITS.defaultSeconds,
    description: 'How long the command may wait for an outcome (also while the gateway is offline) before it times out',
  })
  @IsOptional()
  @IsInt()
  @Min(COMMAND_TIMEOUT_LIMITS.minSeconds)
  @Max(COMMAND_TIMEOUT_LIMITS.maxSeconds)
  timeoutSeconds?: number;
}
