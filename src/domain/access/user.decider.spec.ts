import {
  InvalidAccessInputError,
  UserAlreadyRegisteredError,
  UserDisabledError,
  UserNotFoundError,
} from './access.errors.js';
import { aRegisteredUser } from '#test/builders/access.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { userDecider, type UserCommand } from './user.decider.js';
import type { UserEvent } from './user.events.js';

const ID = 'user-1';
const AT = '2024-05-01T10:00:00.000Z';

const register = (overrides: Partial<Extract<UserCommand, { type: 'RegisterUser' }>['data']> = {}): UserCommand => ({
  type: 'RegisterUser',
  data: { userId: ID, email: 'ann@example.org', displayName: 'Ann', role: 'user', at: AT, ...overrides },
});
const disabled: UserEvent = { type: 'UserDisabled', data: { userId: ID, reason: 'left', at: AT } };
const started = (sessionId: string): UserEvent => ({
  type: 'UserSessionStarted',
  data: { userId: ID, sessionId, at: AT },
});

const given = DeciderSpecification.for(userDecider);

describe('user decider', () => {
  describe('RegisterUser', () => {
    it('Given nothing, When registering, Then UserRegistered with a lower-cased, trimmed email', () => {
      given()
        .when(register({ email: '  Ann@Example.ORG ', displayName: ' Ann ' }))
        .then([aRegisteredUser()]);
    });
    it('Given a registered user, When registering the same id, Then it throws', () => {
      given(aRegisteredUser()).when(register()).thenThrows(new UserAlreadyRegisteredError(ID));
    });
    it.each([
      [{ email: 'not-an-email' }, 'email must look like name@example.org'],
      [{ email: 'a b@example.org' }, 'email must look like name@example.org'],
      [{ email: `${'x'.repeat(65)}@example.org` }, 'the part of the email before @ must be at most 64 characters'],
      [{ displayName: '  ' }, 'displayName must be 1 to 100 characters without control characters'],
      [{ role: 'root' }, 'role must be admin or user'],
    ])('When registering with %p, Then it throws %s', (overrides, problem) => {
      given()
        .when(register(overrides))
        .thenThrows(new InvalidAccessInputError([problem]));
    });
  });

  describe('ChangeUserRole', () => {
    const change = (role: string): UserCommand => ({ type: 'ChangeUserRole', data: { userId: ID, role, at: AT } });
    it('Given a user, When made admin, Then UserRoleChanged names both roles', () => {
      given(aRegisteredUser())
        .when(change('admin'))
        .then([{ type: 'UserRoleChanged', data: { userId: ID, role: 'admin', previousRole: 'user', at: AT } }]);
    });
    it('Given an admin, When made admin again, Then nothing happens', () => {
      given(aRegisteredUser({ role: 'admin' }))
        .when(change('admin'))
        .then([]);
    });
    it('Given nothing, When changing a role, Then not found', () => {
      given().when(change('admin')).thenThrows(UserNotFoundError);
    });
    it('Given a disabled user, When changing the role, Then it throws', () => {
      given(aRegisteredUser(), disabled).when(change('admin')).thenThrows(UserDisabledError);
    });
    it('When the role is unknown, Then invalid input', () => {
      given(aRegisteredUser()).when(change('owner')).thenThrows(InvalidAccessInputError);
    });
  });

  describe('DisableUser', () => {
    const disable: UserCommand = { type: 'DisableUser', data: { userId: ID, reason: ' left\n the company ', at: AT } };
    it('Given an active user, When disabled, Then UserDisabled with a clean reason', () => {
      given(aRegisteredUser())
        .when(disable)
        .then([{ type: 'UserDisabled', data: { userId: ID, reason: 'left  the company', at: AT } }]);
    });
    it('Given a disabled user, When disabled again, Then nothing happens', () => {
      given(aRegisteredUser(), disabled).when(disable).then([]);
    });
    it('Given nothing, When disabling, Then not found', () => {
      given().when(disable).thenThrows(UserNotFoundError);
    });
  });

  describe('sessions', () => {
    const start: UserCommand = { type: 'StartSession', data: { userId: ID, sessionId: 's1', at: AT } };
    const end = (sessionId: string): UserCommand => ({
      type: 'EndSession',
      data: { userId: ID, sessionId, reason: 'logout', at: AT },
    });
    it('Given an active user, When a session starts, Then UserSessionStarted', () => {
      given(aRegisteredUser())
        .when(start)
        .then([started('s1')]);
    });
    it('Given a disabled user, When a session starts, Then it throws', () => {
      given(aRegisteredUser(), disabled).when(start).thenThrows(UserDisabledError);
    });
    it('Given an open session, When it ends, Then UserSessionEnded; ending it again changes nothing', () => {
      given(aRegisteredUser(), started('s1'))
        .when(end('s1'))
        .then([{ type: 'UserSessionEnded', data: { userId: ID, sessionId: 's1', reason: 'logout', at: AT } }]);
      const ended: UserEvent = {
        type: 'UserSessionEnded',
        data: { userId: ID, sessionId: 's1', reason: 'logout', at: AT },
      };
      given(aRegisteredUser(), started('s1'), ended).when(end('s1')).then([]);
    });
    it('Given a session of a user since disabled, When it ends, Then nothing: disabling closed it', () => {
      given(aRegisteredUser(), started('s1'), disabled).when(end('s1')).then([]);
    });
  });

  describe('ChangePassword', () => {
    const change: UserCommand = { type: 'ChangePassword', data: { userId: ID, at: AT } };
    it('Given an active user, When the password changes, Then UserPasswordChanged carries nothing about it', () => {
      given(aRegisteredUser())
        .when(change)
        .then([{ type: 'UserPasswordChanged', data: { userId: ID, at: AT } }]);
    });
    it('Given a disabled user, When the password changes, Then it throws', () => {
      given(aRegisteredUser(), disabled).when(change).thenThrows(UserDisabledError);
    });
  });
});
