import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccessModule } from './access/access.module.js';
import { AuditModule } from './audit/audit.module.js';
import { ControlModule } from './control/control.module.js';
import { AutomationModule } from './automation/automation.module.js';
import { DashboardsModule } from './dashboards/dashboards.module.js';
import { DevicesModule } from './devices/devices.module.js';
import { GatewaysModule } from './gateways/gateways.module.js';
import { HealthModule } from './health/health.module.js';
import { MarketModule } from './market/market.module.js';
import { MeteringModule } from './metering/metering.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { MonitoringModule } from './monitoring/monitoring.module.js';
import { SystemModule } from './system/system.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { RuntimeModule, type AppRuntime } from './shared/runtime.module.js';

/**
 * The HTTP application: the runtime objects built before Nest starts, plus one module per context. A new use case
 * is registered in its context's module; the OpenAPI document lists routes in the order of these imports.
 */
@Module({})
export class AppModule {
  static with(runtime: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        RuntimeModule.with(runtime),
        HealthModule,
        MetricsModule,
        AuditModule,
        GatewaysModule,
        DevicesModule,
        MeteringModule,
        AccessModule,
        ControlModule,
        MonitoringModule,
        DashboardsModule,
        MarketModule,
        AutomationModule,
        SystemModule,
        NotificationsModule,
      ],
    };
  }
}
