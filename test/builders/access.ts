import type { ApiClientRegistered } from '../../src/domain/access/api-client.events.js';
import type { AccessGranted } from '../../src/domain/access/grant.events.js';
import type { UserRegistered } from '../../src/domain/access/user.events.js';

const AT = '2024-05-01T10:00:00.000Z';

export function aRegisteredUser(overrides: Partial<UserRegistered['data']> = {}): UserRegistered {
  return {
    type: 'UserRegistered',
    data: { userId: 'user-1', email: 'ann@example.org', displayName: 'Ann', role: 'user', at: AT, ...overrides },
  };
}

export function aRegisteredApiClient(overrides: Partial<ApiClientRegistered['data']> = {}): ApiClientRegistered {
  return {
    type: 'ApiClientRegistered',
    data: {
      clientId: 'client-1',
      organisation: 'Grid Co',
      name: 'billing',
      secretFingerprint: 'aaaaaaaaaaaaaaaa',
      at: AT,
      ...overrides,
    },
  };
}

/** Alice lets bob read sensor s-1 and its aggregates. */
export function anAccessGrant(overrides: Partial<AccessGranted['data']> = {}): AccessGranted {
  return {
    type: 'AccessGranted',
    data: {
      grantId: 'g-1',
      grantor: 'user:alice',
      grantee: { kind: 'user', id: 'bob' },
      scope: { sensorIds: ['s-1'] },
      rights: ['read', 'aggregate'],
      at: '2025-03-01T10:00:00.000Z',
      ...overrides,
    },
  };
}
