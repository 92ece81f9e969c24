/** Injection tokens for objects created before Nest starts (storage, supervisor, metrics). */
export const PROJECTION_SUPERVISOR = Symbol('ProjectionSupervisor');
export const METRICS_REGISTRY = Symbol('MetricsRegistry');
export const ADMIN_TOKEN = Symbol('AdminToken');
export const REQUEST_AUTHENTICATOR = Symbol('RequestAuthenticator');
export const PASSWORD_LOGIN = Symbol('PasswordLogin');

export const ACTUATOR_DISPATCH = Symbol('ActuatorDispatch');

/** Lets a request wake the actuator command dispatcher instead of waiting for its next pass. */
export interface ActuatorDispatchPoke {
  poke(): void;
}
