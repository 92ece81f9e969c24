import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiClientDecider } from '../../../domain/access/api-client.decider.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { AccessState } from '../access-state/access-state.js';
import { toNewEvents } from '../../shared/decider-command.js';
import { API_CLIENT_EVENTS, clientStream } from '../access-streams.js';
import { requireAdmin } from '../admin-check.js';
import { clientSecretFingerprint, encodeClientSecret, generateClientSecret } from '../credentials/client-secret.js';
import { CredentialStore } from '../credentials/credential-store.js';
import { RegisterApiClient, type IssuedClientSecret } from './register-api-client.command.js';

@CommandHandler(RegisterApiClient)
export class RegisterApiClientHandler implements ICommandHandler<RegisterApiClient, IssuedClientSecret> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CredentialStore) private readonly credentials: CredentialStore,
    @Inject(AccessState) private readonly accessState: AccessState,
  ) {}

  async execute({ input, principal, at, metadata }: RegisterApiClient): Promise<IssuedClientSecret> {
    requireAdmin(principal, 'registering API clients');
    const clientId = randomUUID();
    const secret = generateClientSecret();
    const secretFingerprint = clientSecretFingerprint(secret);
    const role = input.role ?? 'api';
    const events = apiClientDecider.decide(
      {
        type: 'RegisterApiClient',
        data: {
          clientId,
          organisation: input.organisation,
          name: input.name,
          secretFingerprint,
          ...(role === 'bl' ? { role, providerId: input.providerId ?? clientId } : { role }),
          ...(role !== 'bl' && input.providerId !== undefined ? { providerId: input.providerId } : {}),
          at: at.toISOString(),
        },
      },
      apiClientDecider.initialState(),
    );
    // Verifier first: an event naming a secret the server cannot check would be a client that can never log in.
    await this.credentials.putClientSecret(clientId, secretFingerprint, secret);
    await this.store.append(clientStream(clientId), toNewEvents(events, metadata, API_CLIENT_EVENTS), {
      expectedRevision: 'no_stream',
    });
    this.accessState.apply(events);
    const registered = events[0]!.type === 'ApiClientRegistered' ? events[0]!.data : undefined;
    return {
      clientId,
      organisation: registered!.organisation,
      name: registered!.name,
      clientSecret: encodeClientSecret(secret),
      secretFingerprint,
      role,
      ...(registered?.providerId !== undefined ? { providerId: registered.providerId } : {}),
    };
  }
}
