/** Base of the dashboards context's typed errors; interfaces map `code` to a transport status. */
export abstract class DashboardError extends Error {
  abstract readonly code: 'not_found' | 'already_exists' | 'invalid_dashboard' | 'version_conflict' | 'unknown_version';
}

/** Unknown, deleted, or someone else's: answered alike so existence does not leak. */
export class DashboardNotFoundError extends DashboardError {
  override readonly name = 'DashboardNotFoundError';
  readonly code = 'not_found' as const;
  constructor(readonly dashboardId: string) {
    super(`dashboard ${dashboardId} not found`);
  }
}

export class DashboardAlreadyExistsError extends DashboardError {
  override readonly name = 'DashboardAlreadyExistsError';
  readonly code = 'already_exists' as const;
  constructor(readonly dashboardId: string) {
    super(`dashboard ${dashboardId} already exists`);
  }
}

export class InvalidDashboardError extends DashboardError {
  override readonly name = 'InvalidDashboardError';
  readonly code = 'invalid_dashboard' as const;
  constructor(readonly problems: readonly string[]) {
    super(`invalid dashboard: ${problems.join('; ')}`);
  }
}

/** The client edited a version that is no longer the newest. */
export class DashboardVersionConflictError extends DashboardError {
  override readonly name = 'DashboardVersionConflictError';
  readonly code = 'version_conflict' as const;
  constructor(
    readonly dashboardId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`dashboard ${dashboardId} is at version ${currentVersion}, not ${expectedVersion}: read it again and retry`);
  }
}

export class UnknownDashboardVersionError extends DashboardError {
  override readonly name = 'UnknownDashboardVersionError';
  readonly code = 'unknown_version' as const;
  constructor(
    readonly dashboardId: string,
    readonly version: number,
  ) {
    super(`dashboard ${dashboardId} has no version ${version}`);
  }
}
