import type { GridSignalContent, ProgramContent } from '../../domain/market/openadr-objects.js';
import type { StoredSubscription } from '../../domain/market/oadr-subscription.events.js';
import type { EventObject } from './grid-signals-read-model/grid-signals.sql.js';
import type { SubscriptionObject } from './oadr-subscriptions-read-model/oadr-subscriptions.sql.js';
import type { ProgramObject } from './programs-read-model/programs.sql.js';

/** The wire object a write answers with, built from the decider's state (what the read model will show). */
export function programObject(
  id: string,
  createdAt: string,
  modifiedAt: string,
  content: ProgramContent,
): ProgramObject {
  return { id, createdDateTime: createdAt, modificationDateTime: modifiedAt, objectType: 'PROGRAM', ...content };
}

export function eventObject(
  id: string,
  createdAt: string,
  modifiedAt: string,
  content: GridSignalContent,
): EventObject {
  return { id, createdDateTime: createdAt, modificationDateTime: modifiedAt, objectType: 'EVENT', ...content };
}

/** OpenADR `skip`/`limit` after parsing: the spec caps `limit` at 50. */
export interface OpenAdrPage {
  readonly skip: number;
  readonly limit: number;
}

/** A subscription as the wire has it: callback bearer tokens are write-only and never leave the VTN. */
export function subscriptionObject(
  id: string,
  clientId: string,
  createdAt: string,
  modifiedAt: string,
  content: StoredSubscription,
): SubscriptionObject {
  return {
    id,
    createdDateTime: createdAt,
    modificationDateTime: modifiedAt,
    objectType: 'SUBSCRIPTION',
    clientID: clientId,
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
