import { randomBytes } from 'node:crypto';
import type { EventStore } from '../../application/ports/event-store.port.js';
import { callAdminApi, type AdminApiTarget } from '../cli/admin-api-client.js';

export const DEMO_ADMIN_EMAIL = 'admin@demo.wattlog.local';

export interface DemoAdmin {
  readonly email: string;
  readonly password: string;
}

/**
 * On a demo install with no user at all, creates an admin user with a random 144-bit password through the public
 * API and returns its credentials for printing once. The log decides "no user yet", so later starts create nothing.
 */
export async function ensureDemoAdmin(store: EventStore, api: AdminApiTarget): Promise<DemoAdmin | undefined> {
  const [anyUser] = await store.readAll({ max: 1, filter: { types: ['UserRegistered'] } });
  if (anyUser) return undefined;
  const password = randomBytes(18).toString('base64url');
  await callAdminApi(api, 'POST', '/api/users', {
    email: DEMO_ADMIN_EMAIL,
    displayName: 'Demo admin',
    role: 'admin',
    password,
  });
  return { email: DEMO_ADMIN_EMAIL, password };
}
