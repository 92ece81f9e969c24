import type { RunningServer } from '../../src/interfaces/http/http-server.js';
import type { Fixtures } from './tenant-fixtures.js';

/** Who the matrix asks as. Tenant A owns the objects every row targets; B is the other tenant. */
export const ROLES = [
  'anonymous',
  'userA',
  'userB',
  'clientWithGrant',
  'clientWithoutGrant',
  'clientAfterRevoke',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export type Tenant = 'A' | 'B';

/** What a cell sends as: its headers, and for a user role the password (rows that must confirm it). */
export interface Caller {
  readonly headers: Readonly<Record<string, string>>;
  readonly password?: string;
}

/**
 * Makes the credentials for each role against a started server: creates users, API clients and grants as it needs
 * (through the API, like any operator would), then answers the headers each role sends. A role missing from
 * `provided` is reported by the runner as not yet testable, never silently passed.
 */
export interface RoleCredentials {
  readonly provided: ReadonlySet<Role>;
  /** Runs once, before the tenants' data is seeded. */
  setUp(server: RunningServer, adminToken: string): Promise<void>;
  /** Runs once the tenants' objects exist: grants over them. */
  afterSeed(server: RunningServer, fixtures: Fixtures): Promise<void>;
  /** The user id that owns tenant A's or B's gateways (GatewayRegistered.data.ownerId). */
  ownerOf(tenant: Tenant): string;
  /** Request headers for a provided role (none for anonymous). */
  headersFor(role: Role): Readonly<Record<string, string>>;
  /**
   * The role as a cell sends it. `freshSession`: a user role logs in again (same user, a session of its own), for
   * rows that end the caller's session; other roles are unchanged.
   */
  callerFor(role: Role, freshSession: boolean): Promise<Caller>;
}
