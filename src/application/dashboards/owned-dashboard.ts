import { actorIdOf, type Principal } from '../../domain/access/principal.js';
import { dashboardDecider, type DashboardState } from '../../domain/dashboards/dashboard.decider.js';
import { DashboardNotFoundError } from '../../domain/dashboards/dashboard.errors.js';
import type { DashboardContent } from '../../domain/dashboards/dashboard.events.js';
import type { EventStore, RecordedEvent } from '../ports/event-store.port.js';
import { loadStream } from '../shared/decider-command.js';
import { NotAuthenticatedError } from '../access/access.errors.js';
import { DASHBOARD_EVENTS, dashboardStream } from './dashboard-stream.js';
import type { DashboardView } from './dashboard-view.js';

type Existing = Exclude<DashboardState, { status: 'none' }>;

export interface OwnedDashboard {
  readonly state: Existing;
  readonly recorded: readonly RecordedEvent[];
}

/** Who owns what a principal creates: every signed-in caller may keep dashboards of its own. */
export function ownerIdOf(principal: Principal): string {
  if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
  return actorIdOf(principal);
}

/**
 * The dashboard folded from its stream, which is what an edit is decided on: it answers at once after a write, with
 * no read model in between. Only its owner sees it; anyone else, and everyone once it is deleted, is told it does
 * not exist.
 */
export async function loadOwnedDashboard(
  store: EventStore,
  principal: Principal,
  dashboardId: string,
): Promise<OwnedDashboard> {
  const ownerId = ownerIdOf(principal);
  const { state, recorded } = await loadStream(store, dashboardStream(dashboardId), dashboardDecider, DASHBOARD_EVENTS);
  if (state.status !== 'active' || state.ownerId !== ownerId) throw new DashboardNotFoundError(dashboardId);
  return { state, recorded };
}

export function viewAt(
  dashboardId: string,
  content: DashboardContent,
  version: number,
  recorded: readonly RecordedEvent[],
): DashboardView {
  return {
    dashboardId,
    name: content.name,
    timeRange: content.timeRange,
    tiles: content.tiles,
    version,
    createdAt: recorded[0]?.recordedAt ?? '',
    updatedAt: recorded[version]?.recordedAt ?? recorded.at(-1)?.recordedAt ?? '',
  };
}

export function currentView({ state, recorded }: OwnedDashboard): DashboardView {
  return viewAt(state.dashboardId, state.content, state.version, recorded);
}
