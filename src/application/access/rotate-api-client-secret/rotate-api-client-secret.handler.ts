import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiClientDecider } from '../../../domain/access/api-client.decider.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { AccessState } from '../access-state/access-state.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { API_CLIENT_EVENTS, clientStream } from '../access-streams.js';
import { requireAdmin } from '../admin-check.js';
import { clientSecretFingerprint, encodeClientSecret, generateClientSecret } from '../credentials/client-secret.js';
import { CredentialStore } from '../credentials/credential-store.js';
import { RotateApiClientSecret } from './rotate-api-client-secret.command.js';

/** The old secret stops working for new tokens at once; tokens already issued run out within their 15 minutes. */
@CommandHandler(RotateApiClientSecret)
export class RotateApiClientSecretHandler implements ICommandHandler<
  RotateApiClientSecret,
  { clientId: string; clientSecret: string; secretFingerprint: string }
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CredentialStore) private readonly credentials: CredentialStore,
    @Inject(AccessState) private readonly accessState: AccessState,
  ) {}

  async execute({
    clientId,
    principal,
    at,
    metadata,
  }: RotateApiClientSecret): Promise<{ clientId: string; clientSecret: string; secretFingerprint: string }> {
    requireAdmin(principal, 'rotating client secrets');
    const secret = generateClientSecret();
    const secretFingerprint = clientSecretFingerprint(secret);
    const command = {
      type: 'RotateApiClientSecret',
      data: { clientId, secretFingerprint, at: at.toISOString() },
    } as const;
    const { events } = await handleWithDecider(
      this.store,
      clientStream(clientId),
      apiClientDecider,
      command,
      metadata,
      {
        events: API_CLIENT_EVENTS,
        beforeAppend: () => this.credentials.putClientSecret(clientId, secretFingerprint, secret),
      },
    );
    this.accessState.apply(events);
    return { clientId, clientSecret: encodeClientSecret(secret), secretFingerprint };
  }
}
