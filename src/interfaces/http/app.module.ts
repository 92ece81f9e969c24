import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Registry } from 'prom-client';
import { QueryAuditLogHandler } from '../../application/audit/query-audit-log/query-audit-log.handler.js';
import { EVENT_STORE } from '../../application/ports/event-store.port.js';
import { READ_MODEL_DB } from '../../application/ports/read-model-db.port.js';
import type { ProjectionSupervisor } from '../../application/projections/projection-supervisor.js';
import type { Storage } from '../../infrastructure/composition/storage.js';
import { AuditLogController } from './audit/audit-log.controller.js';
import { AdminTokenGuard } from './auth/admin-token.guard.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { ADMIN_TOKEN, METRICS_REGISTRY, PROJECTION_SUPERVISOR } from './runtime.tokens.js';

export interface AppRuntime {
  readonly storage: Storage;
  readonly projections: ProjectionSupervisor;
  readonly metrics: Registry;
  readonly adminToken: string;
}

@Module({})
export class AppModule {
  static with(runtime: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [HealthController, MetricsController, AuditLogController],
      providers: [
        { provide: EVENT_STORE, useValue: runtime.storage.eventStore },
        { provide: READ_MODEL_DB, useValue: runtime.storage.readModels },
        { provide: PROJECTION_SUPERVISOR, useValue: runtime.projections },
        { provide: METRICS_REGISTRY, useValue: runtime.metrics },
        { provide: ADMIN_TOKEN, useValue: runtime.adminToken },
        AdminTokenGuard,
        QueryAuditLogHandler,
      ],
    };
  }
}
