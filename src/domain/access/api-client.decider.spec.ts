import {
  ApiClientAlreadyRegisteredError,
  ApiClientNotFoundError,
  ApiClientRevokedError,
  InvalidAccessInputError,
} from './access.errors.js';
import { aRegisteredApiClient } from '#test/builders/access.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { apiClientDecider, type ApiClientCommand } from './api-client.decider.js';
import type { ApiClientEvent } from './api-client.events.js';

const ID = 'client-1';
const AT = '2024-05-01T10:00:00.000Z';
const registered = aRegisteredApiClient();
const revoked: ApiClientEvent = { type: 'ApiClientRevoked', data: { clientId: ID, reason: 'contract ended', at: AT } };
const register = (
  overrides: Partial<Extract<ApiClientCommand, { type: 'RegisterApiClient' }>['data']> = {},
): ApiClientCommand => ({
  type: 'RegisterApiClient',
  data: {
    clientId: ID,
    organisation: ' Grid Co ',
    name: 'billing',
    secretFingerprint: 'aaaaaaaaaaaaaaaa',
    at: AT,
    ...overrides,
  },
});
const rotate: ApiClientCommand = {
  type: 'RotateApiClientSecret',
  data: { clientId: ID, secretFingerprint: 'bbbbbbbbbbbbbbbb', at: AT },
};
const revoke: ApiClientCommand = { type: 'RevokeApiClient', data: { clientId: ID, reason: 'contract ended', at: AT } };

const given = DeciderSpecification.for(apiClientDecider);

describe('API client decider', () => {
  it('Given nothing, When registering, Then ApiClientRegistered with trimmed names', () => {
    given().when(register()).then([registered]);
  });

  it('Given nothing, When registering a bl client, Then it names its provider; an api client names none', () => {
    given()
      .when(register({ role: 'bl', providerId: 'grid-co' }))
      .then([aRegisteredApiClient({ role: 'bl', providerId: 'grid-co' })]);
    given()
      .when(register({ role: 'bl' }))
      .thenThrows(InvalidAccessInputError, /providerId/);
    given()
      .when(register({ role: 'bl', providerId: 'grid co' }))
      .thenThrows(InvalidAccessInputError, /providerId/);
    given()
      .when(register({ role: 'api', providerId: 'grid-co' }))
      .thenThrows(InvalidAccessInputError, /only bl/);
  });
  it('Given a client, When registering the same id, Then it throws', () => {
    given(registered).when(register()).thenThrows(new ApiClientAlreadyRegisteredError(ID));
  });
  it('When the organisation is blank, Then invalid input', () => {
    given()
      .when(register({ organisation: ' ' }))
      .thenThrows(new InvalidAccessInputError(['organisation must be 1 to 100 characters without control characters']));
  });
  it('Given a client, When rotating, Then ApiClientSecretRotated names the previous fingerprint', () => {
    given(registered)
      .when(rotate)
      .then([
        {
          type: 'ApiClientSecretRotated',
          data: {
            clientId: ID,
            secretFingerprint: 'bbbbbbbbbbbbbbbb',
            previousSecretFingerprint: 'aaaaaaaaaaaaaaaa',
            at: AT,
          },
        },
      ]);
  });
  it('Given a revoked client, When rotating, Then it throws', () => {
    given(registered, revoked).when(rotate).thenThrows(ApiClientRevokedError);
  });
  it('Given nothing, When rotating or revoking, Then not found', () => {
    given().when(rotate).thenThrows(ApiClientNotFoundError);
    given().when(revoke).thenThrows(ApiClientNotFoundError);
  });
  it('Given a client, When revoked, Then ApiClientRevoked; revoking again changes nothing', () => {
    given(registered).when(revoke).then([revoked]);
    given(registered, revoked).when(revoke).then([]);
  });
});
