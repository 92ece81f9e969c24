import { accessReadModel } from '../access/access-read-model/access.projection.js';
import { ownershipPeriodsReadModel } from '../access/ownership-periods-read-model/ownership-periods.projection.js';
import { apiClientsReadModel } from '../access/api-clients-read-model/api-clients.projection.js';
import { dataAccessLogReadModel } from '../access/data-access-log-read-model/data-access-log.projection.js';
import { usersReadModel } from '../access/users-read-model/users.projection.js';
import { auditLogReadModel } from '../audit/audit-log-read-model/audit-log.projection.js';
import { rulesReadModel } from '../automation/rules-read-model/rules.projection.js';
import { dashboardsReadModel } from '../dashboards/dashboards-read-model/dashboards.projection.js';
import { nodeConfigurationReadModel } from '../devices/node-configuration-read-model/node-configuration.projection.js';
import { nodesReadModel } from '../devices/nodes-read-model/nodes.projection.js';
import { gatewayStatusReadModel } from '../gateways/gateway-status-read-model/gateway-status.projection.js';
import { readingsReadModel } from '../metering/readings-read-model/readings.projection.js';
import { gridSignalsReadModel } from '../market/grid-signals-read-model/grid-signals.projection.js';
import { oadrSubscriptionsReadModel } from '../market/oadr-subscriptions-read-model/oadr-subscriptions.projection.js';
import { programsReadModel } from '../market/programs-read-model/programs.projection.js';
import { oadrNotificationProcess } from '../market/notify-oadr-subscribers/oadr-notification.process.js';
import { OADR_NOTIFICATIONS_MIGRATIONS } from '../market/notify-oadr-subscribers/oadr-notifications.tables.js';
import { enrollmentsReadModel } from '../market/enrollments-read-model/enrollments.projection.js';
import { reportsReadModel } from '../market/reports-read-model/reports.projection.js';
import { notificationsReadModel } from '../notifications/notifications-read-model/notifications.projection.js';
import { alarmEvaluation } from '../monitoring/evaluate-alarms/alarm-evaluation.process.js';
import { ALARM_EVALUATION_MIGRATIONS } from '../monitoring/evaluate-alarms/alarm-evaluation.tables.js';
import { alarmsReadModel } from '../monitoring/alarms-read-model/alarms.projection.js';
import type { EventStore } from '../ports/event-store.port.js';
import type { AnyProjection, LogProcess, ReadModelMigration, Runnable } from './projection.js';
import type { ProjectionDeps, ReadModel } from './read-model.js';

export type { ProjectionDeps } from './read-model.js';

/** Every read model the platform keeps: adding one is its folder plus one line here. Migrations and rebuilds take their lists from it. */
export const READ_MODELS: readonly ReadModel[] = [
  auditLogReadModel,
  gatewayStatusReadModel,
  readingsReadModel,
  nodesReadModel,
  usersReadModel,
  apiClientsReadModel,
  accessReadModel,
  ownershipPeriodsReadModel,
  dataAccessLogReadModel,
  nodeConfigurationReadModel,
  alarmsReadModel,
  dashboardsReadModel,
  programsReadModel,
  gridSignalsReadModel,
  oadrSubscriptionsReadModel,
  rulesReadModel,
  enrollmentsReadModel,
  reportsReadModel,
  notificationsReadModel,
];

/** What processes need besides: the log they append to. */
export interface ProcessDeps extends ProjectionDeps {
  readonly store: EventStore;
  /** Told when the notification process queued OpenADR deliveries, so the sender need not wait for its next poll. */
  readonly oadrNotificationsQueued?: () => void;
}

/** The log processes' state tables, created by the same migration set as the read models. */
export const LOG_PROCESS_MIGRATIONS: readonly ReadModelMigration[] = [
  ...ALARM_EVALUATION_MIGRATIONS,
  ...OADR_NOTIFICATIONS_MIGRATIONS,
];

/** The migrations of every read model and log process, in no particular order (the migration set orders them). */
export function catalogueMigrations(): readonly ReadModelMigration[] {
  return [...READ_MODELS.flatMap((model) => model.migrations), ...LOG_PROCESS_MIGRATIONS];
}

/** Every projection the platform runs; rebuild takes its list from here, the supervisor adds the log processes. */
export function projectionCatalog(deps: ProjectionDeps): readonly AnyProjection[] {
  return READ_MODELS.map((model) => model.projection(deps));
}

/**
 * Processes that run like projections (checkpoint, one runner, lag) but append to the event log. Their type is not
 * a projection's, so a rebuild cannot be handed one.
 */
export function logProcesses(deps: ProcessDeps): readonly LogProcess[] {
  return [
    alarmEvaluation(deps),
    oadrNotificationProcess(deps.oadrNotificationsQueued ? { onQueued: deps.oadrNotificationsQueued } : {}),
  ];
}

/** Everything a projector runs: the projections and the processes. */
export function runnableProjections(deps: ProcessDeps): readonly Runnable[] {
  return [...projectionCatalog(deps), ...logProcesses(deps)];
}

/** The current name for a name given on the command line: a former name (`audit`, `gateways`, …) is an alias. */
function byName<T extends Runnable>(name: string, among: readonly T[], what: string): T[] {
  if (name === 'all') return [...among];
  const found = among.find((p) => p.name === name || p.formerName === name);
  if (!found) throw new Error(`unknown ${what} "${name}"; known: ${among.map((p) => p.name).join(', ')}, all`);
  return [found];
}

/** Projections and processes by name (or former name), for the projector. */
export function findRunnable(name: string, deps: ProcessDeps): Runnable[] {
  return byName(name, runnableProjections(deps), 'projection or process');
}

/** Projections by name (or former name), for a rebuild: log processes are never rebuilt. */
export function findProjections(name: string, deps: ProjectionDeps): AnyProjection[] {
  return byName(name, projectionCatalog(deps), 'projection');
}
