import type { Cell, MatrixRow } from './authorization-matrix.js';
import type { Role } from './roles.js';

/**
 * Rows of the notifications for `AUTHORIZATION_MATRIX`. Channels, preferences, quiet hours and the inbox are each
 * caller's own: every signed-in caller manages its own, and a channel of tenant A's owner is not found by anyone else,
 * admins included. Rows that remove a channel take a fresh one per cell.
 */

type Cells = Readonly<Record<Role, Cell>>;

const ownerOnly = (status: number): Cells => ({
  anonymous: 401,
  userA: status,
  userB: 404,
  clientWithGrant: 404,
  clientWithoutGrant: 404,
  clientAfterRevoke: 404,
  admin: 404,
});
const SIGNED_IN = (status: number): Cells => ({
  anonymous: 401,
  userA: status,
  userB: status,
  clientWithGrant: status,
  clientWithoutGrant: status,
  clientAfterRevoke: status,
  admin: status,
});
const items = (body: unknown): unknown => (body as { items?: unknown }).items;

export const NOTIFICATION_MATRIX_ROWS: Readonly<Record<string, MatrixRow>> = {
  'GET /api/notifications/channels': {
    request: async (f) => {
      await f.listedNotificationChannel('A');
      return {};
    },
    expected: SIGNED_IN(200),
  },
  'POST /api/notifications/channels': {
    request: () => ({ body: { kind: 'webhook', address: 'https://hooks.example.com/matrix-new' } }),
    expected: SIGNED_IN(201),
  },
  'GET /api/notifications/channels/{id}': {
    request: async (f) => ({ path: { id: await f.listedNotificationChannel('A') } }),
    expected: ownerOnly(200),
  },
  'DELETE /api/notifications/channels/{id}': {
    request: async (f) => ({ path: { id: await f.freshNotificationChannel('A') } }),
    expected: ownerOnly(204),
  },
  'PUT /api/notifications/channels/{id}/enabled': {
    request: async (f) => ({ path: { id: await f.listedNotificationChannel('A') }, body: { enabled: true } }),
    expected: ownerOnly(200),
  },
  // A webhook needs no code: its owner is told so (409), everyone else that it does not exist.
  'POST /api/notifications/channels/{id}/verification': {
    request: async (f) => ({ path: { id: await f.listedNotificationChannel('A') }, body: { code: '123456' } }),
    expected: ownerOnly(409),
  },
  'POST /api/notifications/channels/{id}/verification-code': {
    request: async (f) => ({ path: { id: await f.listedNotificationChannel('A') } }),
    expected: ownerOnly(409),
  },
  'POST /api/notifications/channels/{id}/secret': {
    request: async (f) => ({ path: { id: await f.freshNotificationChannel('A') } }),
    expected: ownerOnly(200),
  },
  'GET /api/notifications/preferences': {
    request: async (f) => {
      await f.listedNotificationChannel('A');
      return {};
    },
    expected: SIGNED_IN(200),
  },
  'PUT /api/notifications/preferences/{topic}/{channelId}': {
    request: async (f) => ({
      path: { topic: 'alarm_cleared', channelId: await f.listedNotificationChannel('A') },
      body: { enabled: true },
    }),
    expected: ownerOnly(204),
  },
  'PUT /api/notifications/quiet-hours': {
    request: () => ({ body: { start: '22:00', end: '07:00', timeZone: 'Europe/Amsterdam' } }),
    expected: SIGNED_IN(204),
  },
  'DELETE /api/notifications/quiet-hours': { expected: SIGNED_IN(204) },
  // Tenant A's alarm reaches its owner's inbox, and nobody else's.
  'GET /api/notifications/inbox': {
    expected: SIGNED_IN(200),
    listing: (f) => ({ id: f.A.alarmId, to: ['userA'], in: items, mayLag: true }),
  },
  'POST /api/notifications/inbox/read': { request: () => ({ body: { ids: [] } }), expected: SIGNED_IN(200) },
};
