import {
  AdminRequiredError,
  NotAuthenticatedError,
  ObjectNotVisibleError,
} from '../../../application/access/access.errors.js';
import {
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  LoginThrottledError,
} from '../../../application/access/authentication.errors.js';
import { AlarmQueryError } from '../../../application/monitoring/query-alarms/alarm-query.errors.js';
import {
  NetworkConfigurationRefusedError,
  NetworkConfigurationTimedOutError,
} from '../../../application/gateways/network-configuration/network-configuration-outcome.errors.js';
import { MissingScopeError, WriteNotOpenToUtilitiesError } from '../../../application/market/openadr-caller.js';
import { CallbackRefusedError } from '../../../application/market/ports/callback-verifier.port.js';
import { MarketDomainError } from '../../../domain/market/market.errors.js';
import { ReadingQueryError } from '../../../application/metering/query-readings/reading-query.errors.js';
import { ReplayAlreadyRunningError, ReplayNotFoundError } from '../../../application/projections/replay-jobs.js';
import { WrongExpectedRevisionError } from '../../../application/ports/event-store.port.js';
import { AccessDomainError } from '../../../domain/access/access.errors.js';
import { ControlError } from '../../../domain/control/actuator-command.errors.js';
import { AutomationError, RuleVersionConflictError } from '../../../domain/automation/rule.errors.js';
import { DashboardError, DashboardVersionConflictError } from '../../../domain/dashboards/dashboard.errors.js';
import { NotificationError } from '../../../domain/notifications/notification.errors.js';
import { NodeConfigurationError } from '../../../domain/devices/node-configuration.errors.js';
import { GatewayError } from '../../../domain/gateways/gateway.errors.js';
import { NetworkConfigurationError } from '../../../domain/gateways/network-configuration.errors.js';
import { GatewayCommandTimeoutError, GatewayOfflineError } from '../../gateway-link/gateway-commands.js';
import { PROBLEM_TYPES } from './problem.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error classes have any constructor shape
type ErrorClass<E extends Error> = abstract new (...args: any[]) => E;

/** How one domain or application error class is answered. `detail` defaults to the error's message. */
export interface ErrorMapping {
  readonly error: ErrorClass<Error>;
  readonly status: (error: Error) => number;
  readonly type?: string;
  readonly detail?: (error: Error) => string;
  readonly headers?: (error: Error) => Readonly<Record<string, string>>;
}

interface MappingOptions<E extends Error> {
  readonly type?: string;
  readonly detail?: (error: E) => string;
  readonly headers?: (error: E) => Readonly<Record<string, string>>;
}

/** Typed at the row, so each row's callbacks see their own error class; `mappingFor` only calls them on instances. */
function map<E extends Error>(
  error: ErrorClass<E>,
  status: number | ((error: E) => number),
  options: MappingOptions<E> = {},
): ErrorMapping {
  const { detail, headers } = options;
  return {
    error,
    status: typeof status === 'number' ? () => status : (e) => status(e as E),
    ...(options.type !== undefined ? { type: options.type } : {}),
    ...(detail !== undefined ? { detail: (e: Error) => detail(e as E) } : {}),
    ...(headers !== undefined ? { headers: (e: Error) => headers(e as E) } : {}),
  };
}

const GATEWAY_STATUS: Record<GatewayError['code'], number> = {
  not_found: 404,
  already_registered: 409,
  decommissioned: 409,
  invalid_registration: 400,
  no_closed_period: 404,
  owner_still_current: 409,
};

const ACCESS_STATUS: Record<AccessDomainError['code'], number> = {
  not_found: 404,
  already_exists: 409,
  email_taken: 409,
  disabled: 409,
  revoked: 409,
  invalid: 400,
  invalid_grant: 400,
  invalid_visibility: 400,
  grant_not_found: 404,
  grant_not_active: 409,
};

const CONTROL_STATUS: Record<ControlError['code'], number> = {
  not_switchable: 422,
  actuator_busy: 409,
  invalid_command: 400,
  command_not_found: 404,
};

const NETWORK_CONFIGURATION_STATUS: Record<NetworkConfigurationError['code'], number> = {
  invalid_network_configuration: 400,
  network_not_configurable: 422,
  unknown_network_request: 404,
};

const DASHBOARD_STATUS: Record<DashboardError['code'], number> = {
  not_found: 404,
  unknown_version: 404,
  already_exists: 409,
  version_conflict: 409,
  invalid_dashboard: 400,
};

const AUTOMATION_STATUS: Record<AutomationError['code'], number> = {
  not_found: 404,
  already_exists: 409,
  version_conflict: 409,
  not_allowed: 409,
  invalid_rule: 400,
};

const NOTIFICATION_STATUS: Record<NotificationError['code'], number> = {
  not_found: 404,
  invalid: 400,
  invalid_code: 400,
  conflict: 409,
  unavailable: 503,
};

const READING_QUERY_STATUS: Record<ReadingQueryError['code'], number> = {
  invalid_query: 400,
  not_found: 404,
  unavailable: 503,
};

const MARKET_STATUS: Record<MarketDomainError['code'], number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
};

const ALARM_QUERY_STATUS: Record<AlarmQueryError['code'], number> = {
  invalid_query: 400,
};

/**
 * Every domain and application error the HTTP API knows, with its status. The first entry the error is an instance
 * of wins, so subclasses go before their base. Anything not listed (and not an HTTP or Fastify error) is a 500 whose
 * details stay in the log. A new error class gets its row here, never a filter of its own.
 */
export const ERROR_STATUS_TABLE: readonly ErrorMapping[] = [
  map(NotAuthenticatedError, 401),
  map(AdminRequiredError, 403),
  // Not visible and not existing are answered alike, so existence does not leak.
  map(ObjectNotVisibleError, 404),
  map(InvalidCredentialsError, 401),
  map(ReplayAlreadyRunningError, 409),
  map(ReplayNotFoundError, 404),
  map(InvalidRefreshTokenError, 401),
  map(LoginThrottledError, 429, { headers: (e) => ({ 'retry-after': String(e.retryAfterSeconds) }) }),
  map(AccessDomainError, (e) => ACCESS_STATUS[e.code]),
  map(GatewayError, (e) => GATEWAY_STATUS[e.code]),
  map(NotificationError, (e) => NOTIFICATION_STATUS[e.code]),
  map(ControlError, (e) => CONTROL_STATUS[e.code]),
  map(NodeConfigurationError, (e) => (e.code === 'invalid_configuration' ? 400 : 404)),
  map(NetworkConfigurationError, (e) => NETWORK_CONFIGURATION_STATUS[e.code]),
  map(NetworkConfigurationRefusedError, 422),
  map(NetworkConfigurationTimedOutError, 504, { type: PROBLEM_TYPES.gatewayTimeout }),
  map(DashboardVersionConflictError, 409, { type: PROBLEM_TYPES.concurrentChange }),
  map(DashboardError, (e) => DASHBOARD_STATUS[e.code]),
  map(RuleVersionConflictError, 409, { type: PROBLEM_TYPES.concurrentChange }),
  map(AutomationError, (e) => AUTOMATION_STATUS[e.code]),
  map(ReadingQueryError, (e) => READING_QUERY_STATUS[e.code]),
  map(AlarmQueryError, (e) => ALARM_QUERY_STATUS[e.code]),
  map(MissingScopeError, 403),
  map(WriteNotOpenToUtilitiesError, 403),
  map(MarketDomainError, (e) => MARKET_STATUS[e.code]),
  map(CallbackRefusedError, 400),
  map(WrongExpectedRevisionError, 409, {
    type: PROBLEM_TYPES.concurrentChange,
    detail: () => 'the object was changed concurrently; read it again and retry',
  }),
  map(GatewayOfflineError, 409, { type: PROBLEM_TYPES.gatewayOffline }),
  map(GatewayCommandTimeoutError, 504, { type: PROBLEM_TYPES.gatewayTimeout }),
];

export function mappingFor(error: unknown): ErrorMapping | undefined {
  return ERROR_STATUS_TABLE.find((m) => error instanceof m.error);
}
