import { ApiProperty } from '@nestjs/swagger';
import type { ActuatorCommandView } from '../../../application/control/actuator-command-view.js';
import type { ActuatorCommandPage } from '../../../application/control/list-actuator-commands/list-actuator-commands.query.js';
import {
  COMMAND_ORIGINS,
  SWITCH_ACTIONS,
  type CommandOrigin,
} from '../../../domain/control/actuator-command.events.js';

// Response shape for the OpenAPI document; `implements` keeps it in step with what the handlers return.

export class ActuatorCommandDto implements ActuatorCommandView {
  @ApiProperty({ format: 'uuid' }) readonly commandId!: string;
  @ApiProperty({ example: 'zigbee:0x00158d0001a2b3c4/1/switchState' }) readonly sensorId!: string;
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty() readonly nodeId!: string;
  @ApiProperty({ enum: SWITCH_ACTIONS }) readonly action!: string;
  @ApiProperty({
    enum: ['requested', 'dispatched', 'acknowledged', 'failed', 'timed_out'],
    description: 'Acknowledged once a report shows the expected state',
  })
  readonly status!: string;
  @ApiProperty({
    type: 'integer',
    enum: [0, 1],
    nullable: true,
    description: 'The switch state a report must show (1 on, 0 off); null for a toggle of an unknown state',
  })
  readonly expectedState!: number | null;
  @ApiProperty({ description: 'Actor id of the caller', example: 'user:3f1c…' }) readonly requestedBy!: string;
  @ApiProperty({
    enum: COMMAND_ORIGINS,
    description:
      'Where the command came from: the web UI, another API caller, the CLI, or a rule of the server; commands recorded before origins were read as api',
  })
  readonly origin!: CommandOrigin;
  @ApiProperty({ maxLength: 500 }) readonly reason!: string;
  @ApiProperty({ format: 'date-time' }) readonly requestedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Without an outcome by then the command times out' })
  readonly expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly dispatchedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly finishedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What the gateway or the expiry said',
    example: 'device_error: not connected',
  })
  readonly outcome!: string | null;
}

export class ActuatorCommandPageDto implements ActuatorCommandPage {
  @ApiProperty({ type: [ActuatorCommandDto], description: 'Newest first' }) readonly items!: ActuatorCommandDto[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Pass as `before` for the next, older page; null at the end',
  })
  readonly nextBefore!: number | null;
}
