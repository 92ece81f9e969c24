import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { dashboardDecider } from '../../../domain/dashboards/dashboard.decider.js';
import { UnknownDashboardVersionError } from '../../../domain/dashboards/dashboard.errors.js';
import { DASHBOARD_LIMITS } from '../../../domain/dashboards/dashboard.validation.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { DASHBOARD_EVENTS, dashboardStream } from '../dashboard-stream.js';
import type { DashboardView } from '../dashboard-view.js';
import { currentView, loadOwnedDashboard, ownerIdOf } from '../owned-dashboard.js';
import { assertTileSensors } from '../tile-sensor-access.js';
import { DuplicateDashboard } from './duplicate-dashboard.command.js';

const COPY = ' (copy)';

function copyName(name: string): string {
  return name.length + COPY.length > DASHBOARD_LIMITS.nameMax
    ? `${name.slice(0, DASHBOARD_LIMITS.nameMax - COPY.length)}${COPY}`
    : `${name}${COPY}`;
}

/** A new dashboard of the caller's with the content of one of its own dashboards, at its current or an earlier version. */
@CommandHandler(DuplicateDashboard)
export class DuplicateDashboardHandler implements ICommandHandler<DuplicateDashboard, DashboardView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({
    principal,
    sourceDashboardId,
    version,
    name,
    at,
    correlationId,
  }: DuplicateDashboard): Promise<DashboardView> {
    const ownerId = ownerIdOf(principal);
    const source = await loadOwnedDashboard(this.store, principal, sourceDashboardId);
    const sourceVersion = version ?? source.state.version;
    const content = source.state.history[sourceVersion];
    if (!content) throw new UnknownDashboardVersionError(sourceDashboardId, sourceVersion);
    const dashboardId = randomUUID();
    await handleWithDecider(
      this.store,
      dashboardStream(dashboardId),
      dashboardDecider,
      {
        type: 'DuplicateDashboard',
        data: {
          dashboardId,
          ownerId,
          name: name ?? copyName(content.name),
          source: content,
          sourceDashboardId,
          sourceVersion,
          at: at.toISOString(),
        },
      },
      { actorId: ownerId, correlationId },
      { events: DASHBOARD_EVENTS, beforeAppend: (events) => assertTileSensors(this.policy, principal, events) },
    );
    return currentView(await loadOwnedDashboard(this.store, principal, dashboardId));
  }
}
