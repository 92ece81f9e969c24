import { Module } from '@nestjs/common';
import { ChangeDashboardHandler } from '../../../application/dashboards/change-dashboard/change-dashboard.handler.js';
import { CreateDashboardHandler } from '../../../application/dashboards/create-dashboard/create-dashboard.handler.js';
import { DuplicateDashboardHandler } from '../../../application/dashboards/duplicate-dashboard/duplicate-dashboard.handler.js';
import {
  GetDashboardHandler,
  GetDashboardVersionHandler,
  ListDashboardsHandler,
  ListDashboardVersionsHandler,
} from '../../../application/dashboards/query-dashboards/query-dashboards.handlers.js';
import { AccessPolicyModule } from '../access/access-policy.module.js';
import { DashboardsController } from './dashboards.controller.js';

@Module({
  imports: [AccessPolicyModule],
  controllers: [DashboardsController],
  providers: [
    CreateDashboardHandler,
    ChangeDashboardHandler,
    DuplicateDashboardHandler,
    ListDashboardsHandler,
    GetDashboardHandler,
    ListDashboardVersionsHandler,
    GetDashboardVersionHandler,
  ],
})
export class DashboardsModule {}
