import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Registry } from 'prom-client';
import { ChangeSensorVisibilityHandler } from '../../application/access/change-sensor-visibility/change-sensor-visibility.handler.js';
import {
  BufferedDataAccessRecorder,
  DATA_ACCESS_LOG_OPTIONS,
  DEFAULT_DATA_ACCESS_LOG_OPTIONS,
} from '../../application/access/record-data-access/buffered-data-access-recorder.js';
import { GrantExpirySweeper } from '../../application/access/expire-grants/grant-expiry-sweeper.js';
import { GrantAccessHandler } from '../../application/access/grant-access/grant-access.handler.js';
import { ListGrantsHandler } from '../../application/access/list-grants/list-grants.handler.js';
import { ReadModelAccessPolicy } from '../../application/access/policy/read-model-access-policy.js';
import { ACCESS_POLICY } from '../../application/access/ports/access-policy.port.js';
import { DATA_ACCESS_RECORDER } from '../../application/access/ports/data-access-recorder.port.js';
import { EventLogPrincipalDirectory } from '../../application/access/principal-directory/event-log-principal-directory.js';
import { PRINCIPAL_DIRECTORY } from '../../application/access/ports/principal-directory.port.js';
import { QueryAccessLogHandler } from '../../application/access/query-access-log/query-access-log.handler.js';
import { RevokeAccessHandler } from '../../application/access/revoke-access/revoke-access.handler.js';
import { ChangeGatewayOwnerHandler } from '../../application/gateways/change-gateway-owner/change-gateway-owner.handler.js';
import { CLOCK, systemClock } from '../../application/ports/clock.port.js';
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
  NETWORK_CONFIGURATION_SENDING,
  NETWORK_LINK,
  type NetworkConfigurationSending,
  type NetworkLink,
} from '../../application/gateways/network-configuration/ports/network-link.port.js';
import { RequestNetworkConfigurationHandler } from '../../application/gateways/network-configuration/request-network-configuration/request-network-configuration.handler.js';
import {
  GetGatewayConfigurationHandler,
  ListGatewayConfigurationChangesHandler,
} from '../../application/gateways/gateway-configuration-history/gateway-configuration-history.queries.js';
import { ListNodeConfigurationHandler } from '../../application/devices/node-configuration/list-node-configuration/list-node-configuration.query.js';
import { GetAlarmHandler, ListAlarmsHandler } from '../../application/monitoring/query-alarms/query-alarms.handlers.js';
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
import { GetLatestReadingsHandler } from '../../application/metering/query-readings/latest-readings/get-latest-readings.handler.js';
import { ListSensorsHandler } from '../../application/devices/list-sensors/list-sensors.handler.js';
import { GetNodeHandler } from '../../application/devices/get-node/get-node.handler.js';
import { ListNodesHandler } from '../../application/devices/list-nodes/list-nodes.handler.js';
import { QueryReadingSeriesHandler } from '../../application/metering/query-readings/reading-series/query-reading-series.handler.js';
import { type RenderedDayMemory, SERIES_DAY_MEMORY } from '../../application/metering/query-readings/reading-series/rendered-day-memory.js';
import { LiveReadingsHub } from '../../application/metering/query-readings/watch-readings/live-readings-hub.js';
import { WatchReadingsHandler } from '../../application/metering/query-readings/watch-readings/watch-readings.handler.js';
import { PAYLOAD_DECODERS } from '../../application/metering/ports/payload-decoders.port.js';
import { EVENT_STORE } from '../../application/ports/event-store.port.js';
import { READ_MODEL_DB } from '../../application/ports/read-model-db.port.js';
import type { ProjectionSupervisor } from '../../application/projections/projection-supervisor.js';
import type { Storage } from '../../infrastructure/composition/storage.js';
import { decoderLookup } from '../../infrastructure/protocols/payload-decoders.js';
import { AccessController } from './access/access.controller.js';
import { AuditLogController } from './audit/audit-log.controller.js';
import type { AccessRuntime } from './access/access-runtime.js';
import { AuthController } from './access/auth.controller.js';
import { AuthenticationGuard } from './access/authentication.guard.js';
import { ACCESS_HANDLERS, ACCESS_CONTROLLERS } from './access/access-module-parts.js';
import { ActuatorCommandsController } from './control/actuator-commands.controller.js';
import { ConfigurationController } from './devices/configuration.controller.js';
import { AlarmsController } from './monitoring/alarms.controller.js';
import { NodeConfigurationController } from './devices/node-configuration.controller.js';
import { GatewayConfigurationController } from './gateways/gateway-configuration.controller.js';
import { GatewaysController } from './gateways/gateways.controller.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { NodesController } from './devices/nodes.controller.js';
import { ReadingsStreamController } from './metering/readings-stream.controller.js';
import { ReadingsController } from './metering/readings.controller.js';
import { SensorsController } from './devices/sensors.controller.js';
import { ADMIT_EVERY_REQUEST, PRINCIPAL_ADMISSION, type PrincipalAdmission } from './rate-limit/rate-limit.js';
import { ACTUATOR_DISPATCH, ADMIN_TOKEN, METRICS_REGISTRY, PROJECTION_SUPERVISOR, type ActuatorDispatchPoke } from './runtime.tokens.js';

export interface AppRuntime {
  readonly storage: Storage;
  readonly projections: ProjectionSupervisor;
  readonly metrics: Registry;
  readonly adminToken: string;
  readonly keyVault: KeyVault;
  readonly access: AccessRuntime;
  readonly actuatorDispatch: ActuatorDispatchPoke;
  readonly networkLink: NetworkLink;
  readonly networkConfigurationSending: NetworkConfigurationSending;
  /** Whole days of series JSON this process keeps (WATTLOG_SERIES_MEMORY_MIB). */
  readonly seriesDays: RenderedDayMemory;
  /** Spends each authenticated request's rate-limit token; omitted: no limits. */
  readonly admission?: PrincipalAdmission;
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
        AuthController,
        ...ACCESS_CONTROLLERS,
        AccessController,
        ActuatorCommandsController,
        NodeConfigurationController,
        GatewayConfigurationController,
        ConfigurationController,
        AlarmsController,
      ],
      providers: [
        { provide: EVENT_STORE, useValue: runtime.storage.eventStore },
        { provide: READ_MODEL_DB, useValue: runtime.storage.readModels },
        { provide: SERIES_DAY_MEMORY, useValue: runtime.seriesDays },
        { provide: PROJECTION_SUPERVISOR, useValue: runtime.projections },
        { provide: METRICS_REGISTRY, useValue: runtime.metrics },
        { provide: ADMIN_TOKEN, useValue: runtime.adminToken },
        { provide: KEY_VAULT, useValue: runtime.keyVault },
        { provide: LinkEventRecorder, useValue: new LinkEventRecorder(runtime.storage.eventStore) },
        { provide: LINK_REFUSAL_RECORDER, useExisting: LinkEventRecorder },
        ...runtime.access.providers,
        { provide: PRINCIPAL_ADMISSION, useValue: runtime.admission ?? ADMIT_EVERY_REQUEST },
        AuthenticationGuard,
        ...ACCESS_HANDLERS,
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
        { provide: CLOCK, useValue: systemClock },
        { provide: ACCESS_POLICY, useClass: ReadModelAccessPolicy },
        { provide: PRINCIPAL_DIRECTORY, useValue: new EventLogPrincipalDirectory(runtime.storage.eventStore) },
        { provide: DATA_ACCESS_LOG_OPTIONS, useValue: DEFAULT_DATA_ACCESS_LOG_OPTIONS },
        { provide: DATA_ACCESS_RECORDER, useClass: BufferedDataAccessRecorder },
        GrantAccessHandler,
        RevokeAccessHandler,
        ChangeSensorVisibilityHandler,
        ChangeGatewayOwnerHandler,
        ListGrantsHandler,
        QueryAccessLogHandler,
        GrantExpirySweeper,
        LiveReadingsHub,
        ListSensorsHandler,
        GetLatestReadingsHandler,
        QueryReadingSeriesHandler,
        WatchReadingsHandler,
        ListNodesHandler,
        GetNodeHandler,
        { provide: ACTUATOR_DIRECTORY, useValue: new SqlActuatorDirectory(runtime.storage.readModels) },
        { provide: ACTUATOR_DISPATCH, useValue: runtime.actuatorDispatch },
        RequestActuatorCommandHandler,
        GetActuatorCommandHandler,
        { provide: NODE_DIRECTORY, useValue: new SqlNodeDirectory(runtime.storage.readModels) },
        RequestNodeConfigurationHandler,
        GetNodeConfigurationHandler,
        ListNodeConfigurationChangesHandler,
        ChangeGatewayDetailsHandler,
        { provide: NETWORK_LINK, useValue: runtime.networkLink },
        { provide: NETWORK_CONFIGURATION_SENDING, useValue: runtime.networkConfigurationSending },
        RequestNetworkConfigurationHandler,
        GetGatewayConfigurationHandler,
        ListGatewayConfigurationChangesHandler,
        ListNodeConfigurationHandler,
        ListAlarmsHandler,
        GetAlarmHandler,
      ],
    };
  }
}
