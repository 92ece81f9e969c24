import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { COMMAND_TIMEOUT_LIMITS } from '../../../domain/control/actuator-command.decider.js';
import { SWITCH_ACTIONS } from '../../../domain/control/actuator-command.events.js';

/** What an HTTP caller may say it is; `rule` is the server's own rules and is refused from outside. */
export const HTTP_COMMAND_ORIGINS = ['ui', 'api', 'cli'] as const;

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
    enum: HTTP_COMMAND_ORIGINS,
    default: 'api',
    description:
      "Where the command comes from, shown in the actuator's command timeline: the web UI, the CLI, or another API caller",
  })
  @IsOptional()
  @IsIn(HTTP_COMMAND_ORIGINS, { message: `origin must be one of: ${HTTP_COMMAND_ORIGINS.join(', ')}` })
  origin?: (typeof HTTP_COMMAND_ORIGINS)[number];
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

export class ActuatorCommandsQueryDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 300,
    description: 'The actuator: its `switchState` sensor id',
    example: 'zigbee:0x00158d0001a2b3c4/1/switchState',
  })
  @IsString()
  @Length(1, 300)
  sensor!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'The `nextBefore` of the previous page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  before?: number;
}
