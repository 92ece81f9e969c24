import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { COMMAND_TIMEOUT_LIMITS } from '../../../domain/control/actuator-command.decider.js';
import { SWITCH_ACTIONS } from '../../../domain/control/actuator-command.events.js';

export class RequestActuatorCommandDto {
  @IsString() @Length(1, 300) sensorId!: string;
  @IsIn(SWITCH_ACTIONS, { message: `action must be one of: ${SWITCH_ACTIONS.join(', ')}` }) action!: 'on' | 'off' | 'toggle';
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
  @IsOptional() @IsInt() @Min(COMMAND_TIMEOUT_LIMITS.minSeconds) @Max(COMMAND_TIMEOUT_LIMITS.maxSeconds) timeoutSeconds?: number;
}
