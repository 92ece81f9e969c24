import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startHttpServer, type RunningServer } from '../../src/interfaces/http/http-server.js';
import { apiCredentials } from './api-credentials.js';
import { AUTHORIZATION_MATRIX, PENDING, type Listing, type RequestParts } from './authorization-matrix.js';
import { ROLES, type Role, type RoleCredentials } from './roles.js';
import { seedTenants, type Fixtures } from './tenant-fixtures.js';
import { HANDOVER_OPERATIONS, HANDOVER_ROLES, handoverExpected, handoverSees } from './handover-matrix.js';
import { handOverTenantA } from './handover-fixtures.js';

const ADMIN_TOKEN = 'm'.repeat(64);
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
const credentials: RoleCredentials = apiCredentials();
const providedList = ROLES.filter((r) => credentials.provided.has(r)).join(', ');

function urlOf(base: string, operation: string, parts: RequestParts): { method: string; url: string } {
  const [method = 'GET', template = '/'] = operation.split(' ');
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = parts.path?.[name];
    if (value === undefined) throw new Error(`${operation}: the row gives no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parts.query ?? {}))
    for (const v of typeof value === 'string' ? [value] : value) query.append(name, v);
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return { method, url: `${base}${path}${search}` };
}

/** The status and body; an event stream is dropped once its head is in (its body is then empty). */
async function answerOf(
  method: string,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: unknown,
): Promise<{ status: number; text: string }> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: controller.signal,
  });
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    controller.abort();
    return { status: response.status, text: '' };
  }
  return { status: response.status, text: await response.text() };
}

/** Whether a list answer shows the object, looked for in the part of the body the row names. */
function shows(text: string, listing: Listing): boolean {
  const body = JSON.parse(text) as unknown;
  return JSON.stringify(listing.in ? listing.in(body) : body).includes(JSON.stringify(listing.id));
}

describe('authorization matrix', () => {
  let server: RunningServer;
  let dataDir: string;
  let fixtures: Fixtures;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-authz-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: ADMIN_TOKEN },
      pino({ level: 'silent' }),
    );
    await credentials.setUp(server, ADMIN_TOKEN);
    fixtures = await seedTenants(server, ADMIN_TOKEN, credentials);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('has exactly one row per operation of the OpenAPI document', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m] !== undefined).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const rows = Object.keys(AUTHORIZATION_MATRIX);
    expect({
      withoutRow: operations.filter((o) => !rows.includes(o)),
      rowWithoutOperation: rows.filter((r) => !operations.includes(r)),
    }).toEqual({
      withoutRow: [],
      rowWithoutOperation: [],
    });
  });

  for (const [operation, row] of Object.entries(AUTHORIZATION_MATRIX)) {
    describe(operation, () => {
      for (const role of ROLES) {
        const expected = row.expected[role];
        if (!credentials.provided.has(role)) {
          it.todo(
            `as ${role}: role not provided yet (RoleCredentials provides ${providedList}); ${expected === PENDING ? 'status not specified yet' : `expects ${expected}`}`,
          );
          continue;
        }
        it(`as ${role} → ${expected}`, async () => {
          if (expected === PENDING) {
            throw new Error(
              `${operation}: role ${role} is provided now; replace its PENDING cell with the status it must get`,
            );
          }
          const caller = await credentials.callerFor(role as Role, row.freshSession === true);
          const parts = (await row.request?.(fixtures, caller)) ?? {};
          const { method, url } = urlOf(server.url, operation, parts);
          const { status, text } = await answerOf(method, url, caller.headers, parts.body);
          expect({ operation, role, status }).toEqual({ operation, role, status: expected });
          const listing = row.listing?.(fixtures);
          if (listing !== undefined && status === 200) {
            const visible = shows(text, listing);
            const allowed = listing.to.includes(role);
            expect({ operation, role, shows: listing.id, visible }).toEqual({
              operation,
              role,
              shows: listing.id,
              visible: allowed && listing.mayLag === true ? visible : allowed,
            });
          }
        }, 20_000);
      }
    });
  }

  // Last, on the same server: tenant A's gateway goes to B's owner and a reading of B's follows (ADR 0024).
  describe('after tenant A’s gateway is handed to tenant B’s owner', () => {
    let after: Fixtures;
    beforeAll(async () => {
      after = await handOverTenantA(server, ADMIN_TOKEN, fixtures, credentials);
    }, 60_000);

    for (const [operation, row] of HANDOVER_OPERATIONS) {
      for (const role of HANDOVER_ROLES) {
        const expected = handoverExpected(operation, row, role);
        it(`${operation} as ${role} → ${expected}`, async () => {
          const caller = await credentials.callerFor(role, row.freshSession === true);
          const parts = (await row.request?.(after, caller)) ?? {};
          const { method, url } = urlOf(server.url, operation, parts);
          const { status, text } = await answerOf(method, url, caller.headers, parts.body);
          expect({ operation, role, status }).toEqual({ operation, role, status: expected });
          const listing = row.listing?.(after);
          if (listing !== undefined && status === 200) {
            const allowed = handoverSees(operation, row, listing, role);
            const visible = shows(text, listing);
            expect({ operation, role, shows: listing.id, visible }).toEqual({
              operation,
              role,
              shows: listing.id,
              visible: allowed && listing.mayLag === true ? visible : allowed,
            });
          }
        }, 20_000);
      }
    }
  });
});
