import { createHash, randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReferencedProgram } from '../../../domain/market/grid-signal.decider.js';
import {
  oadrSubscriptionDecider,
  type OadrSubscriptionState,
} from '../../../domain/market/oadr-subscription.decider.js';
import { oadrCallbackTokenKey, type StoredSubscription } from '../../../domain/market/oadr-subscription.events.js';
import { subscriptionContent, type SubscriptionContent } from '../../../domain/market/openadr-objects.js';
import { KEY_VAULT, type KeyVault } from '../../gateways/ports/key-vault.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { OADR_SUBSCRIPTION_EVENTS, oadrSubscriptionStream } from '../market-streams.js';
import {
  subscriptionRowRevision,
  type SubscriptionObject,
} from '../oadr-subscriptions-read-model/oadr-subscriptions.sql.js';
import { businessLogicCaller } from '../openadr-caller.js';
import { CALLBACK_VERIFIER, type CallbackVerifier } from '../ports/callback-verifier.port.js';
import { PROJECTION_WAKE, untilProjected, type ProjectionWake } from '../read-your-writes.js';
import { lastRevision, referencedProgram } from '../referenced-program.js';
import {
  CreateOadrSubscription,
  DeleteOadrSubscription,
  ReviseOadrSubscription,
} from './oadr-subscription.commands.js';

const fingerprint = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 32);

/** The request as stored: each callback's bearer token replaced by its fingerprint (the token goes to the vault). */
function stored(content: SubscriptionContent): { content: StoredSubscription; tokens: Map<string, string> } {
  const tokens = new Map<string, string>();
  const objectOperations = content.objectOperations.map(({ bearerToken, ...operation }) => {
    if (bearerToken === undefined) return operation;
    const print = fingerprint(bearerToken);
    tokens.set(print, bearerToken);
    return { ...operation, bearerTokenFingerprint: print };
  });
  return { content: { ...content, objectOperations }, tokens };
}

function asObject(state: OadrSubscriptionState): SubscriptionObject {
  if (state.status === 'none') throw new Error('a subscription decided on has a state');
  const { content } = state;
  return {
    id: state.subscriptionId,
    createdDateTime: state.createdAt,
    modificationDateTime: state.modifiedAt,
    objectType: 'SUBSCRIPTION',
    clientID: state.clientId,
    clientName: content.clientName,
    ...(content.programID !== undefined ? { programID: content.programID } : {}),
    objectOperations: content.objectOperations.map(({ objects, operations, callbackUrl }) => ({
      objects,
      operations,
      callbackUrl,
    })),
    ...(content.targets !== undefined ? { targets: content.targets } : {}),
  };
}

/** Writes shared by create and revise: check the program and the callbacks, keep the tokens, then append. */
class SubscriptionWriter {
  constructor(
    readonly store: EventStore,
    readonly db: ReadModelDb,
    readonly vault: KeyVault,
    readonly wake: ProjectionWake,
    readonly verifier: CallbackVerifier,
  ) {}

  async prepare(body: unknown): Promise<{
    content: StoredSubscription;
    tokens: Map<string, string>;
    program?: ReferencedProgram;
    verify: () => Promise<void>;
  }> {
    const request = subscriptionContent(body);
    const program =
      request.programID !== undefined ? await referencedProgram(this.store, request.programID) : undefined;
    const verify = async (): Promise<void> => {
      // Def-3.1.0 "Webhooks": every callback answers the echo check before anything is stored or changed.
      for (const url of new Set(request.objectOperations.map((o) => o.callbackUrl))) await this.verifier.verify(url);
    };
    return { ...stored(request), ...(program ? { program } : {}), verify };
  }

  async keepTokens(subscriptionId: string, tokens: Map<string, string>): Promise<void> {
    for (const [print, token] of tokens)
      await this.vault.put(oadrCallbackTokenKey(subscriptionId, print), Buffer.from(token, 'utf8'));
  }

  async untilProjected(subscriptionId: string, revision: number): Promise<void> {
    await untilProjected(this.wake, async () => {
      const row = await subscriptionRowRevision(this.db, subscriptionId);
      return revision < 0 ? row < 0 : row >= revision;
    });
  }
}

abstract class SubscriptionHandler {
  protected readonly writer: SubscriptionWriter;
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(KEY_VAULT) vault: KeyVault,
    @Inject(PROJECTION_WAKE) wake: ProjectionWake,
    @Inject(CALLBACK_VERIFIER) verifier: CallbackVerifier,
  ) {
    this.writer = new SubscriptionWriter(store, db, vault, wake, verifier);
  }
}

@CommandHandler(CreateOadrSubscription)
export class CreateOadrSubscriptionHandler
  extends SubscriptionHandler
  implements ICommandHandler<CreateOadrSubscription, SubscriptionObject>
{
  async execute({ body, principal, at, correlationId }: CreateOadrSubscription): Promise<SubscriptionObject> {
    const caller = businessLogicCaller(principal, 'write_subscriptions');
    const { content, tokens, program, verify } = await this.writer.prepare(body);
    const subscriptionId = randomUUID();
    const { events, state } = await handleWithDecider(
      this.writer.store,
      oadrSubscriptionStream(subscriptionId),
      oadrSubscriptionDecider,
      {
        type: 'CreateOadrSubscription',
        data: {
          subscriptionId,
          providerId: caller.providerId,
          clientId: caller.clientId,
          ...(program ? { program } : {}),
          content,
          at: at.toISOString(),
        },
      },
      { actorId: caller.actorId, correlationId },
      {
        events: OADR_SUBSCRIPTION_EVENTS,
        beforeAppend: async () => {
          await verify();
          await this.writer.keepTokens(subscriptionId, tokens);
        },
      },
    );
    await this.writer.untilProjected(subscriptionId, 0);
    return asObject(events.reduce(oadrSubscriptionDecider.evolve, state));
  }
}

@CommandHandler(ReviseOadrSubscription)
export class ReviseOadrSubscriptionHandler
  extends SubscriptionHandler
  implements ICommandHandler<ReviseOadrSubscription, SubscriptionObject>
{
  async execute({
    subscriptionId,
    body,
    principal,
    at,
    correlationId,
  }: ReviseOadrSubscription): Promise<SubscriptionObject> {
    const caller = businessLogicCaller(principal, 'write_subscriptions');
    const { content, tokens, program, verify } = await this.writer.prepare(body);
    const stream = oadrSubscriptionStream(subscriptionId);
    const { events, state } = await handleWithDecider(
      this.writer.store,
      stream,
      oadrSubscriptionDecider,
      {
        type: 'ReviseOadrSubscription',
        data: {
          subscriptionId,
          providerId: caller.providerId,
          ...(program ? { program } : {}),
          content,
          at: at.toISOString(),
        },
      },
      { actorId: caller.actorId, correlationId },
      {
        events: OADR_SUBSCRIPTION_EVENTS,
        beforeAppend: async () => {
          await verify();
          await this.writer.keepTokens(subscriptionId, tokens);
        },
      },
    );
    await this.writer.untilProjected(subscriptionId, await lastRevision(this.writer.store, stream));
    return asObject(events.reduce(oadrSubscriptionDecider.evolve, state));
  }
}

@CommandHandler(DeleteOadrSubscription)
export class DeleteOadrSubscriptionHandler
  extends SubscriptionHandler
  implements ICommandHandler<DeleteOadrSubscription, SubscriptionObject>
{
  async execute({ subscriptionId, principal, at, correlationId }: DeleteOadrSubscription): Promise<SubscriptionObject> {
    const caller = businessLogicCaller(principal, 'write_subscriptions');
    const { events, state } = await handleWithDecider(
      this.writer.store,
      oadrSubscriptionStream(subscriptionId),
      oadrSubscriptionDecider,
      { type: 'DeleteOadrSubscription', data: { subscriptionId, providerId: caller.providerId, at: at.toISOString() } },
      { actorId: caller.actorId, correlationId },
      { events: OADR_SUBSCRIPTION_EVENTS },
    );
    await this.writer.untilProjected(subscriptionId, -1);
    return asObject(events.reduce(oadrSubscriptionDecider.evolve, state));
  }
}
