import { grantScopes } from '../../../domain/access/client-role.js';
import { isApiClientEvent } from '../../../domain/access/api-client.events.js';
import type { EventStore } from '../../ports/event-store.port.js';
import type { AccessState } from '../access-state/access-state.js';
import { clientStream } from '../access-streams.js';
import { decodeClientSecret } from '../credentials/client-secret.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import type { AccessTokenSigner, SignedAccessToken } from '../ports/token-signer.port.js';

/** Unknown client, wrong secret or revoked client: RFC 6749 `invalid_client`, never saying which. */
export class InvalidClientError extends Error {
  override readonly name = 'InvalidClientError';
  constructor() {
    super('client authentication failed');
  }
}

/** RFC 6749 `invalid_scope`: a scope the client's role does not hold, or no scope at all. */
export class InvalidScopeError extends Error {
  override readonly name = 'InvalidScopeError';
}

export const CLIENT_CREDENTIALS = Symbol('ClientCredentials');

/** The client-credentials grant: a registered, unrevoked client's id and current secret buy a short access token. */
export class ClientCredentials {
  constructor(
    private readonly store: EventStore,
    private readonly credentials: CredentialStore,
    private readonly accessState: AccessState,
    private readonly signer: AccessTokenSigner,
    private readonly now: () => Date,
  ) {}

  /** `scope`: the space-delimited scopes asked for; omitted, the client's role's scopes. */
  async issue(clientId: string, secretText: string, scope?: string): Promise<SignedAccessToken> {
    const secret = decodeClientSecret(secretText) ?? Buffer.alloc(32);
    const fingerprint = (await this.currentFingerprint(clientId)) ?? '';
    // The query and comparison run for unknown clients too, so timing does not tell which ids exist.
    const matches = await this.credentials.clientSecretMatches(clientId, fingerprint, secret);
    if (!matches || fingerprint === '' || decodeClientSecret(secretText) === undefined) throw new InvalidClientError();
    const principal = this.accessState.clientPrincipal(clientId);
    const granted = grantScopes(principal?.kind === 'client' ? (principal.clientRole ?? 'api') : 'api', scope);
    if (!granted.ok) throw new InvalidScopeError(granted.detail);
    return this.signer.sign({ kind: 'client', clientId, scopes: granted.scopes }, this.now());
  }

  /** A client registered on another node may not have reached this node's access state yet: the stream decides. */
  private async currentFingerprint(clientId: string): Promise<string | undefined> {
    const known = this.accessState.activeClientFingerprint(clientId);
    if (known !== undefined || !/^[A-Za-z0-9._:-]{1,64}$/.test(clientId)) return known;
    const recorded = await this.store.readStream(clientStream(clientId));
    this.accessState.apply(recorded.filter(isApiClientEvent));
    return this.accessState.activeClientFingerprint(clientId);
  }
}
