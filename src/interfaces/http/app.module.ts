import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Registry } from 'prom-client';
import { AdminOnlyAccessPolicy } from '../../application/access/admin-only-access-policy.js';
import { ACCESS_POLICY } from '../../application/access/ports/access-policy.port.js';
import { SqlActuatorDirectory } from '../../application/control/actuator-directory.sql.js';
import { GetActuatorCommandHandler } from '../../application/control/get-actuator-command/get-actuator-command.handler.js';
import { ACTUATOR_DIRECTORY } from '../../application/control/ports/actuator-directory.port.js';
import { RequestActuatorCommandHandler } from '../../application/control/request-actuator-command/request-actuator-command.handler.js';
import { SqlNodeDirectory } from '../../application/devices/node-configuration/node-directory.sql.js';
import {
  GetNodeConfigurationHandler,
  ListNodeConfigurationChangesHandler,
} from '../../application/devices/node-configuration/node-configuration-history/node-configuration-history.handlers.js';
import { NODE_DIRECTORY } from '../../application/devices/node-configuration/ports/node-directory.port.js';
import { RequestNodeConfigurationHandler } from '../../application/devices/node-configuration/request-node-configuration/request-node-configuration.handler.js';
import { ChangeGatewayDetailsHandler } from '../../application/gateways/change-gateway-details/change-gateway-details.handler.js';
import {
  GetGatewayConfigurationHandler,
  ListGatewayConfigurationChangesHandler,
} from '../../application/gateways/gateway-configuration-history/gateway-configuration-history.queries.js';
import { ListNodeConfigurationHandler } from '../../application/devices/node-configuration/configuration-projection/list-node-configuration.query.js';
import { QueryAuditLogHandler } from '../../application/audit/query-audit-log/query-audit-log.handler.js';
import { DecommissionGatewayHandler } from '../../application/gateways/decommission-gateway/decommission-gateway.handler.js';
import { GetGatewayHandler } from '../../application/gateways/get-gateway/get-gateway.handler.js';
import { ListGatewaysHandler } from '../../application/gateways/list-gateways/list-gateways.handler.js';
import { LINK_REFUSAL_RECORDER } from '../../application/gateways/ports/gateway-key-ring.port.js';
import { KEY_VAULT, type KeyVault } from '../../application/gateways/ports/key-vault.port.js';
import { LinkEventRecorder } from '../../application/gateways/record-link-event/link-event-recorder.js';
import {
  RecordLinkRefusalHandler,
  RecordLinkSessionClosedHandler,
  RecordLinkSessionOpenedHandler,
} from '../../application/gateways/record-link-event/record-link-event.handlers.js';
import { RegisterGatewayHandler } from '../../application/gateways/register-gateway/register-gateway.handler.js';
import { RotateNetworkKeyHandler } from '../../application/gateways/rotate-network-key/rotate-network-key.handler.js';
import { SENSOR_ACCESS_POLICY, unrestrictedSensorAccess } from '../../application/metering/query-readings/access/sensor-access.port.js';
import { GetLatestReadingsHandler } from '../../application/metering/query-readings/latest-readings/get-latest-readings.handler.js';
import { ListSensorsHandler } from '../../application/metering/query-readings/list-sensors/list-sensors.handler.js';
import { GetNodeHandler } from '../../application/metering/query-readings/nodes/get-node.handler.js';
import { ListNodesHandler } from '../../application/metering/query-readings/nodes/list-nodes.handler.js';
import { QueryReadingSeriesHandler } from '../../application/metering/query-readings/reading-series/query-reading-series.handler.js';
import { LiveReadingsHub } from '../../application/metering/query-readings/watch-readings/live-readings-hub.js';
import { WatchReadingsHandler } from '../../application/metering/query-readings/watch-readings/watch-readings.handler.js';
import { PAYLOAD_DECODERS } from '../../application/metering/ports/payload-decoders.port.js';
import { EVENT_STORE } from '../../application/ports/event-store.port.js';
import { READ_MODEL_DB } from '../../application/ports/read-model-db.port.js';
import type { ProjectionSupervisor } from '../../application/projections/projection-supervisor.js';
import type { Storage } from '../../infrastructure/composition/storage.js';
import type { GatewayCommands } from '../gateway-link/gateway-commands.js';
import { decoderLookup } from '../../infrastructure/protocols/payload-decoders.js';
import { AuditLogController } from './audit/audit-log.controller.js';
import { ActuatorCommandsController } from './control/actuator-commands.controller.js';
import { ConfigurationController } from './devices/configuration.controller.js';
import { NodeConfigurationController } from './devices/node-configuration.controller.js';
import { GatewayConfigurationController } from './gateways/gateway-configuration.controller.js';
import { AdminTokenGuard } from './auth/admin-token.guard.js';
import { GatewaysController } from './gateways/gateways.controller.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { NodesController } from './readings/nodes.controller.js';
import { ReadingsStreamController } from './readings/readings-stream.controller.js';
import { ReadingsController } from './readings/readings.controller.js';
import { SensorsController } from './readings/sensors.controller.js';
import { ACTUATOR_DISPATCH, ADMIN_TOKEN, GATEWAY_COMMANDS, METRICS_REGISTRY, PROJECTION_SUPERVISOR, type ActuatorDispatchPoke } from './runtime.tokens.js';

export interface AppRuntime {
  readonly storage: Storage;
  readonly projections: ProjectionSupervisor;
  readonly metrics: Registry;
  readonly adminToken: string;
  readonly keyVault: KeyVault;
  readonly gatewayCommands: GatewayCommands;
  readonly actuatorDispatch: ActuatorDispatchPoke;
}

@Module({})
export class AppModule {
  static with(runtime: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        HealthController,
        MetricsController,
        AuditLogController,
        GatewaysController,
        SensorsController,
        ReadingsController,
        ReadingsStreamController,
        NodesController,
        ActuatorCommandsController,
        NodeConfigurationController,
        GatewayConfigurationController,
        ConfigurationController,
      ],
      providers: [
        { provide: EVENT_STORE, useValue: runtime.storage.eventStore },
        { provide: READ_MODEL_DB, useValue: runtime.storage.readModels },
        { provide: PROJECTION_SUPERVISOR, useValue: runtime.projections },
        { provide: METRICS_REGISTRY, useValue: runtime.metrics },
        { provide: ADMIN_TOKEN, useValue: runtime.adminToken },
        { provide: KEY_VAULT, useValue: runtime.keyVault },
        { provide: GATEWAY_COMMANDS, useValue: runtime.gatewayCommands },
        { provide: LinkEventRecorder, useValue: new LinkEventRecorder(runtime.storage.eventStore) },
        { provide: LINK_REFUSAL_RECORDER, useExisting: LinkEventRecorder },
        AdminTokenGuard,
        QueryAuditLogHandler,
        RegisterGatewayHandler,
        RotateNetworkKeyHandler,
        DecommissionGatewayHandler,
        ListGatewaysHandler,
        GetGatewayHandler,
        RecordLinkSessionOpenedHandler,
        RecordLinkSessionClosedHandler,
        RecordLinkRefusalHandler,
        // Decoders upcast v1 ReadingsReported events (native payloads) for the live stream.
        { provide: PAYLOAD_DECODERS, useFactory: () => decoderLookup() },
        { provide: SENSOR_ACCESS_POLICY, useValue: unrestrictedSensorAccess },
        LiveReadingsHub,
        ListSensorsHandler,
        GetLatestReadingsHandler,
        QueryReadingSeriesHandler,
        WatchReadingsHandler,
        ListNodesHandler,
        GetNodeHandler,
        // Replaced at merge by the grants-based policy; until then only admins may do anything.
        { provide: ACCESS_POLICY, useValue: new AdminOnlyAccessPolicy() },
        { provide: ACTUATOR_DIRECTORY, useValue: new SqlActuatorDirectory(runtime.storage.readModels) },
        { provide: ACTUATOR_DISPATCH, useValue: runtime.actuatorDispatch },
        RequestActuatorCommandHandler,
        GetActuatorCommandHandler,
        { provide: NODE_DIRECTORY, useValue: new SqlNodeDirectory(runtime.storage.readModels) },
        RequestNodeConfigurationHandler,
        GetNodeConfigurationHandler,
        ListNodeConfigurationChangesHandler,
        ChangeGatewayDetailsHandler,
        GetGatewayConfigurationHandler,
        ListGatewayConfigurationChangesHandler,
        ListNodeConfigurationHandler,
      ],
    };
  }
}
