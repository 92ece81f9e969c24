import type { Provider } from '@nestjs/common';
import { AccessState } from '../../../application/access/access-state/access-state.js';
import {
  CLIENT_CREDENTIALS,
  ClientCredentials,
} from '../../../application/access/client-credentials/client-credentials.service.js';
import { CredentialStore } from '../../../application/access/credentials/credential-store.js';
import {
  AUTHENTICATION_SERVICE,
  AuthenticationService,
  type AuthenticationNotice,
} from '../../../application/access/login/authentication.service.js';
import { LoginThrottle, type LoginAttempts } from '../../../application/access/login/login-throttle.js';
import { PASSWORD_HASHER, PASSWORD_POLICY } from '../../../application/access/ports/password-hasher.port.js';
import { ACCESS_TOKEN_SIGNER } from '../../../application/access/ports/token-signer.port.js';
import { SessionStore } from '../../../application/access/sessions/session-store.js';
import { USER_SESSIONS, UserSessions } from '../../../application/access/sessions/user-sessions.js';
import type { EventStore } from '../../../application/ports/event-store.port.js';
import type { ReadModelDb } from '../../../application/ports/read-model-db.port.js';
import { CommonPasswordPolicy } from '../../../infrastructure/auth/common-password-policy.js';
import { ACCESS_TOKEN_TTL_SECONDS, JwtAccessTokenSigner } from '../../../infrastructure/auth/jwt-access-tokens.js';
import { ScryptPasswordHasher, scryptParamsFor } from '../../../infrastructure/auth/scrypt-password-hasher.js';
import { PASSWORD_LOGIN, REQUEST_AUTHENTICATOR } from '../runtime.tokens.js';
import { PasswordLogin } from './password-login.js';
import { RequestAuthenticator } from './request-authenticator.js';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/** What the access runtime provides to the Nest module; describing the API without a runtime stands in for these. */
export const ACCESS_PROVIDER_TOKENS = [
  AccessState,
  CredentialStore,
  SessionStore,
  USER_SESSIONS,
  PASSWORD_HASHER,
  PASSWORD_POLICY,
  ACCESS_TOKEN_SIGNER,
  AUTHENTICATION_SERVICE,
  CLIENT_CREDENTIALS,
  PASSWORD_LOGIN,
  REQUEST_AUTHENTICATOR,
] as const;

export interface AccessRuntime {
  readonly accessState: AccessState;
  readonly providers: Provider[];
  stop(): Promise<void>;
}

/**
 * Everything authentication needs, built once per server: the access state is caught up with the log before the
 * server answers, so the first request after a restart already knows every disabled user and revoked client.
 */
export async function startAccessRuntime(
  store: EventStore,
  db: ReadModelDb,
  credentials: { readonly adminToken: string; readonly jwtKey: Buffer },
  onError: (error: unknown, context: string) => void,
  notify?: (notice: AuthenticationNotice) => void,
  /** Where failed logins are counted; this process's memory unless the nodes share a store. */
  loginAttempts: LoginAttempts = new LoginThrottle(),
): Promise<AccessRuntime> {
  const accessState = new AccessState(store, {
    accessTokenTtlMs: ACCESS_TOKEN_TTL_SECONDS * 1000,
    now: Date.now,
    sessionTtlMs: SESSION_TTL_MS,
    onError,
  });
  accessState.start();
  await accessState.ready();
  const credentialStore = new CredentialStore(db);
  const sessions = new SessionStore(db);
  const hasher = new ScryptPasswordHasher(scryptParamsFor(process.env));
  const signer = new JwtAccessTokenSigner(credentials.jwtKey);
  const policy = new CommonPasswordPolicy();
  const authentication = new AuthenticationService({
    store,
    credentials: credentialStore,
    sessions,
    hasher,
    policy,
    signer,
    accessState,
    throttle: loginAttempts,
    now: () => new Date(),
    sessionTtlMs: SESSION_TTL_MS,
    ...(notify ? { notify } : {}),
  });
  return {
    accessState,
    providers: [
      { provide: AccessState, useValue: accessState },
      { provide: CredentialStore, useValue: credentialStore },
      { provide: SessionStore, useValue: sessions },
      { provide: USER_SESSIONS, useValue: new UserSessions(sessions, authentication, () => new Date()) },
      { provide: PASSWORD_HASHER, useValue: hasher },
      { provide: PASSWORD_POLICY, useValue: policy },
      { provide: ACCESS_TOKEN_SIGNER, useValue: signer },
      { provide: AUTHENTICATION_SERVICE, useValue: authentication },
      {
        provide: CLIENT_CREDENTIALS,
        useValue: new ClientCredentials(store, credentialStore, accessState, signer, () => new Date()),
      },
      { provide: PASSWORD_LOGIN, useValue: new PasswordLogin(authentication) },
      {
        provide: REQUEST_AUTHENTICATOR,
        useValue: new RequestAuthenticator(credentials.adminToken, credentials.jwtKey, accessState, {
          findOpen: (sessionId) => sessions.findOpen(sessionId, new Date()),
        }),
      },
    ],
    stop: () => accessState.stop(),
  };
}
