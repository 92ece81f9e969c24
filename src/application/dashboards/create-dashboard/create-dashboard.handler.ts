import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { dashboardDecider } from '../../../domain/dashboards/dashboard.decider.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { DASHBOARD_EVENTS, dashboardStream } from '../dashboard-stream.js';
import type { DashboardView } from '../dashboard-view.js';
import { currentView, loadOwnedDashboard, ownerIdOf } from '../owned-dashboard.js';
import { CreateDashboard } from './create-dashboard.command.js';

/** A new, empty dashboard of the caller's, over the last 24 hours, at version 0. */
@CommandHandler(CreateDashboard)
export class CreateDashboardHandler implements ICommandHandler<CreateDashboard, DashboardView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal, name, at, correlationId }: CreateDashboard): Promise<DashboardView> {
    const ownerId = ownerIdOf(principal);
    const dashboardId = randomUUID();
    await handleWithDecider(
      this.store,
      dashboardStream(dashboardId),
      dashboardDecider,
      { type: 'CreateDashboard', data: { dashboardId, ownerId, name, at: at.toISOString() } },
      { actorId: ownerId, correlationId },
      { events: DASHBOARD_EVENTS },
    );
    return currentView(await loadOwnedDashboard(this.store, principal, dashboardId));
  }
}
