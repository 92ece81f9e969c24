import { isAdmin, type Principal } from '../../domain/access/principal.js';
import { AdminRequiredError, NotAuthenticatedError } from './access.errors.js';

/** The admin-only user and client management operations check here, in the handler, not in a guard. */
export function requireAdmin(principal: Principal, operation: string): void {
  if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
  if (!isAdmin(principal)) throw new AdminRequiredError(operation);
}
