import { InvalidAccessInputError, UserAlreadyRegisteredError, UserDisabledError, UserNotFoundError } from './access.errors.js';
import { decideUser, foldUser, type UserCommand } from './user.decider.js';
import type { UserEvent, UserRegistered } from './user.events.js';

const ID = 'user-1';
const AT = '2024-05-01T10:00:00.000Z';

function aRegisteredUser(overrides: Partial<UserRegistered['data']> = {}): UserRegistered {
  return { type: 'UserRegistered', data: { userId: ID, email: 'ann@example.org', displayName: 'Ann', role: 'user', at: AT, ...overrides } };
}
const register = (overrides: Partial<Extract<UserCommand, { type: 'RegisterUser' }>['data']> = {}): UserCommand => ({
  type: 'RegisterUser',
  data: { userId: ID, email: 'ann@example.org', displayName: 'Ann', role: 'user', at: AT, ...overrides },
});
const disabled: UserEvent = { type: 'UserDisabled', data: { userId: ID, reason: 'left', at: AT } };
const started = (sessionId: string): UserEvent => ({ type: 'UserSessionStarted', data: { userId: ID, sessionId, at: AT } });

const given = (...events: UserEvent[]) => ({ when: (command: UserCommand) => () => decideUser(command, foldUser(events)) });

describe('user decider', () => {
  describe('RegisterUser', () => {
    it('Given nothing, When registering, Then UserRegistered with a lower-cased, trimmed email', () => {
      expect(given().when(register({ email: '  Ann@Example.ORG ', displayName: ' Ann ' }))()).toEqual([aRegisteredUser()]);
    });
    it('Given a registered user, When registering the same id, Then it throws', () => {
      expect(given(aRegisteredUser()).when(register())).toThrow(new UserAlreadyRegisteredError(ID));
    });
    it.each([
      [{ email: 'not-an-email' }, 'email must look like name@example.org'],
      [{ email: 'a b@example.org' }, 'email must look like name@example.org'],
      [{ email: `${'x'.repeat(65)}@example.org` }, 'the part of the email before @ must be at most 64 characters'],
      [{ displayName: '  ' }, 'displayName must be 1 to 100 characters without control characters'],
      [{ role: 'root' }, 'role must be admin or user'],
    ])('When registering with %p, Then it throws %s', (overrides, problem) => {
      expect(given().when(register(overrides))).toThrow(new InvalidAccessInputError([problem]));
    });
  });

  describe('ChangeUserRole', () => {
    const change = (role: string): UserCommand => ({ type: 'ChangeUserRole', data: { userId: ID, role, at: AT } });
    it('Given a user, When made admin, Then UserRoleChanged names both roles', () => {
      expect(given(aRegisteredUser()).when(change('admin'))()).toEqual([
        { type: 'UserRoleChanged', data: { userId: ID, role: 'admin', previousRole: 'user', at: AT } },
      ]);
    });
    it('Given an admin, When made admin again, Then nothing happens', () => {
      expect(given(aRegisteredUser({ role: 'admin' })).when(change('admin'))()).toEqual([]);
    });
    it('Given nothing, When changing a role, Then not found', () => {
      expect(given().when(change('admin'))).toThrow(UserNotFoundError);
    });
    it('Given a disabled user, When changing the role, Then it throws', () => {
      expect(given(aRegisteredUser(), disabled).when(change('admin'))).toThrow(UserDisabledError);
    });
    it('When the role is unknown, Then invalid input', () => {
      expect(given(aRegisteredUser()).when(change('owner'))).toThrow(InvalidAccessInputError);
    });
  });

  describe('DisableUser', () => {
    const disable: UserCommand = { type: 'DisableUser', data: { userId: ID, reason: ' left\n the company ', at: AT } };
    it('Given an active user, When disabled, Then UserDisabled with a clean reason', () => {
      expect(given(aRegisteredUser()).when(disable)()).toEqual([{ type: 'UserDisabled', data: { userId: ID, reason: 'left  the company', at: AT } }]);
    });
    it('Given a disabled user, When disabled again, Then nothing happens', () => {
      expect(given(aRegisteredUser(), disabled).when(disable)()).toEqual([]);
    });
    it('Given nothing, When disabling, Then not found', () => {
      expect(given().when(disable)).toThrow(UserNotFoundError);
    });
  });

  describe('sessions', () => {
    const start: UserCommand = { type: 'StartSession', data: { userId: ID, sessionId: 's1', at: AT } };
    const end = (sessionId: string): UserCommand => ({ type: 'EndSession', data: { userId: ID, sessionId, reason: 'logout', at: AT } });
    it('Given an active user, When a session starts, Then UserSessionStarted', () => {
      expect(given(aRegisteredUser()).when(start)()).toEqual([started('s1')]);
    });
    it('Given a disabled user, When a session starts, Then it throws', () => {
      expect(given(aRegisteredUser(), disabled).when(start)).toThrow(UserDisabledError);
    });
    it('Given an open session, When it ends, Then UserSessionEnded; ending it again changes nothing', () => {
      expect(given(aRegisteredUser(), started('s1')).when(end('s1'))()).toEqual([
        { type: 'UserSessionEnded', data: { userId: ID, sessionId: 's1', reason: 'logout', at: AT } },
      ]);
      const ended: UserEvent = { type: 'UserSessionEnded', data: { userId: ID, sessionId: 's1', reason: 'logout', at: AT } };
      expect(given(aRegisteredUser(), started('s1'), ended).when(end('s1'))()).toEqual([]);
    });
    it('Given a session of a user since disabled, When it ends, Then nothing: disabling closed it', () => {
      expect(given(aRegisteredUser(), started('s1'), disabled).when(end('s1'))()).toEqual([]);
    });
  });

  describe('ChangePassword', () => {
    const change: UserCommand = { type: 'ChangePassword', data: { userId: ID, at: AT } };
    it('Given an active user, When the password changes, Then UserPasswordChanged carries nothing about it', () => {
      expect(given(aRegisteredUser()).when(change)()).toEqual([{ type: 'UserPasswordChanged', data: { userId: ID, at: AT } }]);
    });
    it('Given a disabled user, When the password changes, Then it throws', () => {
      expect(given(aRegisteredUser(), disabled).when(change)).toThrow(UserDisabledError);
    });
  });
});
