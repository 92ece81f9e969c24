import type { Role, RoleCredentials, Tenant } from './roles.js';

/**
 * What exists before users and API clients do: nobody (anonymous) and the holder of the bootstrap admin token. The
 * tenants' owners are plain user ids that no login can act as yet.
 */
export function bootstrapCredentials(): RoleCredentials {
  let token = '';
  return {
    provided: new Set<Role>(['anonymous', 'admin']),
    setUp: (_, adminToken) => {
      token = adminToken;
      return Promise.resolve();
    },
    ownerOf: (tenant: Tenant) => `user-tenant-${tenant.toLowerCase()}`,
    headersFor: (role): Readonly<Record<string, string>> => {
      switch (role) {
        case 'anonymous':
          return {};
        case 'admin':
          return { authorization: `Bearer ${token}` };
        default:
          throw new Error(`bootstrap credentials cannot act as ${role}`);
      }
    },
  };
}
