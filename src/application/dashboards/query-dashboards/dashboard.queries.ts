import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { DashboardPage, DashboardPreview, DashboardVersionPage, DashboardView } from '../dashboard-view.js';

export class ListDashboards extends Query<DashboardPage> {
  constructor(readonly principal: Principal) {
    super();
  }
}

export class GetDashboard extends Query<DashboardView> {
  constructor(
    readonly principal: Principal,
    readonly dashboardId: string,
  ) {
    super();
  }
}

export class ListDashboardVersions extends Query<DashboardVersionPage> {
  constructor(
    readonly principal: Principal,
    readonly dashboardId: string,
  ) {
    super();
  }
}

export class GetDashboardVersion extends Query<DashboardPreview> {
  constructor(
    readonly principal: Principal,
    readonly dashboardId: string,
    readonly version: number,
  ) {
    super();
  }
}
