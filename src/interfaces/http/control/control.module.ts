import { Module } from '@nestjs/common';
import { SqlActuatorDirectory } from '../../../application/control/actuator-directory.sql.js';
import { ListActuatorCommandsHandler } from '../../../application/control/list-actuator-commands/list-actuator-commands.handler.js';
import { GetActuatorCommandHandler } from '../../../application/control/get-actuator-command/get-actuator-command.handler.js';
import { ACTUATOR_DIRECTORY } from '../../../application/control/ports/actuator-directory.port.js';
import { RequestActuatorCommandHandler } from '../../../application/control/request-actuator-command/request-actuator-command.handler.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../../application/ports/read-model-db.port.js';
import { AccessPolicyModule } from '../access/access-policy.module.js';
import { ActuatorCommandsController } from './actuator-commands.controller.js';

@Module({
  imports: [AccessPolicyModule],
  controllers: [ActuatorCommandsController],
  providers: [
    {
      provide: ACTUATOR_DIRECTORY,
      useFactory: (db: ReadModelDb) => new SqlActuatorDirectory(db),
      inject: [READ_MODEL_DB],
    },
    RequestActuatorCommandHandler,
    GetActuatorCommandHandler,
    ListActuatorCommandsHandler,
  ],
})
export class ControlModule {}
