import { grantScopes } from './client-role.js';

describe('scopes by client role', () => {
  it('grants a bl client all its scopes when it asks for none, and what it asks for within them', () => {
    expect(grantScopes('bl', undefined)).toEqual({
      ok: true,
      scopes: ['read_all', 'write_programs', 'write_events', 'write_subscriptions', 'write_vens_bl'],
    });
    expect(grantScopes('bl', ' read_all  write_events read_all')).toEqual({
      ok: true,
      scopes: ['read_all', 'write_events'],
    });
    expect(grantScopes('bl', 'write_vens')).toEqual({ ok: true, scopes: ['write_vens_bl'] });
  });

  it('refuses scopes outside the role, unknown ones, and every scope to api clients', () => {
    expect(grantScopes('bl', 'write_reports')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('write_reports'),
    });
    expect(grantScopes('bl', 'read_all admin')).toMatchObject({ ok: false });
    expect(grantScopes('api', 'read_all')).toMatchObject({ ok: false, detail: expect.stringContaining('none') });
    expect(grantScopes('api', undefined)).toEqual({ ok: true, scopes: [] });
  });
});
