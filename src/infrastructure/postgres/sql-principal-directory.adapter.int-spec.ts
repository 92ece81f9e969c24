import { BACKENDS, openBackend, type SqlBackend } from '../../../test/support/sql-backends.js';
import { SqlPrincipalDirectory } from './sql-principal-directory.adapter.js';

// The identity read models are another context's; the spec creates their agreed columns to query against.
const IDENTITY_TABLES = `
CREATE TABLE IF NOT EXISTS users (user_id text PRIMARY KEY, email text UNIQUE, display_name text, role text, disabled_at timestamptz);
CREATE TABLE IF NOT EXISTS api_clients (client_id text PRIMARY KEY, organisation text, name text, revoked_at timestamptz);
`;

describe.each(BACKENDS)('SQL principal directory on %s', (backendName) => {
  let b: SqlBackend | undefined;
  beforeAll(async () => {
    b = await openBackend(backendName, 'principal-dir');
    if (!b) return;
    await b.db.transaction((tx) => tx.exec(IDENTITY_TABLES));
    await b.db.query(`INSERT INTO users (user_id, email, role, disabled_at) VALUES ('alice', 'a@x', 'user', NULL), ('gone', 'g@x', 'user', now())`);
    await b.db.query(`INSERT INTO api_clients (client_id, organisation, revoked_at) VALUES ('c-1', 'Energy Co', NULL), ('c-old', 'Energy Co', now())`);
  }, 30_000);
  afterAll(() => b?.cleanup());

  it('knows active users and clients, and neither disabled nor revoked ones nor the other kind', async () => {
    if (!b) return;
    const directory = new SqlPrincipalDirectory(b.db);
    expect(await directory.exists({ kind: 'user', id: 'alice' })).toBe(true);
    expect(await directory.exists({ kind: 'user', id: 'gone' })).toBe(false);
    expect(await directory.exists({ kind: 'user', id: 'c-1' })).toBe(false);
    expect(await directory.exists({ kind: 'client', id: 'c-1' })).toBe(true);
    expect(await directory.exists({ kind: 'client', id: 'c-old' })).toBe(false);
    expect(await directory.exists({ kind: 'client', id: 'nobody' })).toBe(false);
  });
});
