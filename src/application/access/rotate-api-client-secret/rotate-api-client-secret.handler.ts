import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideApiClient } from '../../../domain/access/api-client.decider.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { AccessState } from '../access-state/access-state.js';
import { clientStream, loadApiClient, toNewEvents } from '../access-streams.js';
import { requireAdmin } from '../admin-check.js';
import { clientSecretFingerprint, encodeClientSecret, generateClientSecret } from '../credentials/client-secret.js';
import { CredentialStore } from '../credentials/credential-store.js';
import { RotateApiClientSecret } from './rotate-api-client-secret.command.js';

/** The old secret stops working for new tokens at once; tokens already issued run out within their 15 minutes. */
@CommandHandler(RotateApiClientSecret)
export class RotateApiClientSecretHandler implements ICommandHandler<RotateApiClientSecret, { clientId: string; clientSecret: string; secretFingerprint: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CredentialStore) private readonly credentials: CredentialStore,
    @Inject(AccessState) private readonly accessState: AccessState,
  ) {}

  async execute({ clientId, principal, at, metadata }: RotateApiClientSecret): Promise<{ clientId: string; clientSecret: string; secretFingerprint: string }> {
    requireAdmin(principal, 'rotating client secrets');
    const { state, revision } = await loadApiClient(this.store, clientId);
    const secret = generateClientSecret();
    const secretFingerprint = clientSecretFingerprint(secret);
    const events = decideApiClient({ type: 'RotateApiClientSecret', data: { clientId, secretFingerprint, at: at.toISOString() } }, state);
    await this.credentials.putClientSecret(clientId, secretFingerprint, secret);
    await this.store.append(clientStream(clientId), toNewEvents(events, metadata), { expectedRevision: revision });
    this.accessState.apply(events);
    return { clientId, clientSecret: encodeClientSecret(secret), secretFingerprint };
  }
}
