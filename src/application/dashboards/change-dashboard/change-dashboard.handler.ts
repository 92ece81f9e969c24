import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Tile, TileSpec } from '../../../domain/dashboards/dashboard.events.js';
import { dashboardDecider, type DashboardCommand } from '../../../domain/dashboards/dashboard.decider.js';
import { assertNever } from '../../../domain/shared/decider.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { DASHBOARD_EVENTS, dashboardStream } from '../dashboard-stream.js';
import { currentView, loadOwnedDashboard, ownerIdOf } from '../owned-dashboard.js';
import { assertTileSensors } from '../tile-sensor-access.js';
import { ChangeDashboard, type ChangedDashboard, type DashboardChange } from './change-dashboard.command.js';

function withId(tile: TileSpec, tileId: string): Tile {
  return { ...tile, tileId } as Tile;
}

function commandOf(
  change: DashboardChange,
  edit: { dashboardId: string; actorId: string; expectedVersion: number; at: string },
  newTileId: string,
): DashboardCommand {
  switch (change.kind) {
    case 'rename':
      return { type: 'RenameDashboard', data: { ...edit, name: change.name } };
    case 'add-tile':
      return { type: 'AddTile', data: { ...edit, tile: withId(change.tile, newTileId) } };
    case 'change-tile':
      return { type: 'ChangeTile', data: { ...edit, tile: withId(change.tile, change.tileId) } };
    case 'remove-tile':
      return { type: 'RemoveTile', data: { ...edit, tileId: change.tileId } };
    case 'time-range':
      return { type: 'SetDashboardTimeRange', data: { ...edit, timeRange: change.timeRange } };
    case 'delete':
      return { type: 'DeleteDashboard', data: edit };
    case 'restore':
      return { type: 'RestoreDashboardVersion', data: { ...edit, version: change.version } };
    default:
      return assertNever(change);
  }
}

/**
 * Every edit of a dashboard: decided on its stream at the version the caller read (another version is a 409), tiles
 * checked against what the caller may see before anything is stored. Answers the dashboard as it now is, or null
 * once deleted.
 */
@CommandHandler(ChangeDashboard)
export class ChangeDashboardHandler implements ICommandHandler<ChangeDashboard, ChangedDashboard> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({
    principal,
    dashboardId,
    expectedVersion,
    change,
    at,
    correlationId,
  }: ChangeDashboard): Promise<ChangedDashboard> {
    const actorId = ownerIdOf(principal);
    const tileId = randomUUID();
    const edit = { dashboardId, actorId, expectedVersion, at: at.toISOString() };
    await handleWithDecider(
      this.store,
      dashboardStream(dashboardId),
      dashboardDecider,
      commandOf(change, edit, tileId),
      { actorId, correlationId },
      { events: DASHBOARD_EVENTS, beforeAppend: (events) => assertTileSensors(this.policy, principal, events) },
    );
    if (change.kind === 'delete') return { view: null };
    const view = currentView(await loadOwnedDashboard(this.store, principal, dashboardId));
    return change.kind === 'add-tile' ? { view, tileId } : { view };
  }
}
