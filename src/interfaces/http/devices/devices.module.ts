import { Module } from '@nestjs/common';
import { GetNodeHandler } from '../../../application/devices/get-node/get-node.handler.js';
import { ListNodesHandler } from '../../../application/devices/list-nodes/list-nodes.handler.js';
import { ListSensorAnnotationsHandler } from '../../../application/devices/list-sensor-annotations/list-sensor-annotations.handler.js';
import { ListSensorVisibilityHandler } from '../../../application/devices/list-sensor-visibility/list-sensor-visibility.handler.js';
import { ListSensorsHandler } from '../../../application/devices/list-sensors/list-sensors.handler.js';
import { ListNodeConfigurationHandler } from '../../../application/devices/node-configuration/list-node-configuration/list-node-configuration.query.js';
import {
  GetNodeConfigurationHandler,
  ListNodeConfigurationChangesHandler,
} from '../../../application/devices/node-configuration/node-configuration-history/node-configuration-history.handlers.js';
import { SqlNodeDirectory } from '../../../application/devices/node-configuration/node-directory.sql.js';
import { NODE_DIRECTORY } from '../../../application/devices/node-configuration/ports/node-directory.port.js';
import { RequestNodeConfigurationHandler } from '../../../application/devices/node-configuration/request-node-configuration/request-node-configuration.handler.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../../application/ports/read-model-db.port.js';
import { AccessPolicyModule } from '../access/access-policy.module.js';
import { ConfigurationController } from './configuration.controller.js';
import { NodeConfigurationController } from './node-configuration.controller.js';
import { NodesController } from './nodes.controller.js';
import { SensorVisibilityController } from './sensor-visibility.controller.js';
import { SensorsController } from './sensors.controller.js';

@Module({
  imports: [AccessPolicyModule],
  controllers: [
    SensorsController,
    SensorVisibilityController,
    NodesController,
    NodeConfigurationController,
    ConfigurationController,
  ],
  providers: [
    ListSensorsHandler,
    ListSensorAnnotationsHandler,
    ListSensorVisibilityHandler,
    ListNodesHandler,
    GetNodeHandler,
    { provide: NODE_DIRECTORY, useFactory: (db: ReadModelDb) => new SqlNodeDirectory(db), inject: [READ_MODEL_DB] },
    RequestNodeConfigurationHandler,
    GetNodeConfigurationHandler,
    ListNodeConfigurationChangesHandler,
    ListNodeConfigurationHandler,
  ],
})
export class DevicesModule {}
