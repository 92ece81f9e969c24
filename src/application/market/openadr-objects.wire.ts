import type { GridSignalContent, ProgramContent } from '../../domain/market/openadr-objects.js';
import type { StoredSubscription } from '../../domain/market/oadr-subscription.events.js';
import type { ReportContent } from '../../domain/market/ven-report.events.js';
import type { ResourceObject, VenObject } from './enrollments-read-model/vens.sql.js';
import type { EventObject } from './grid-signals-read-model/grid-signals.sql.js';
import type { SubscriptionObject } from './oadr-subscriptions-read-model/oadr-subscriptions.sql.js';
import type { ProgramObject } from './programs-read-model/programs.sql.js';
import type { ReportObject } from './reports-read-model/reports.sql.js';

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

/** The OpenADR client id of every platform-managed ven: Wattlog itself plays the VEN for enrolled owners. */
export const PLATFORM_VEN_CLIENT_ID = 'wattlog-platform-ven';

/** A private attribute (Def-3.1.0 "Extensibility") telling the utility whether signals act on the ven now. */
export const ENROLLMENT_STATUS_ATTRIBUTE = 'X_ENROLLMENT_STATUS';

/** A platform-managed ven as the utility sees it: an opaque name, its targets, and whether signals act on it now. */
export function venObject(
  id: string,
  createdAt: string,
  modifiedAt: string,
  ven: { readonly venName: string; readonly status: string; readonly targets: readonly string[] },
): VenObject {
  return {
    id,
    createdDateTime: createdAt,
    modificationDateTime: modifiedAt,
    objectType: 'VEN',
    clientID: PLATFORM_VEN_CLIENT_ID,
    venName: ven.venName,
    targets: ven.targets,
    attributes: [{ type: ENROLLMENT_STATUS_ATTRIBUTE, values: [ven.status.toUpperCase()] }],
  };
}

/** An enrolled plug as the utility sees it: an opaque name under its ven, never the sensor behind it. */
export function resourceObject(
  id: string,
  createdAt: string,
  modifiedAt: string,
  resource: { readonly resourceName: string; readonly venId: string; readonly targets: readonly string[] },
): ResourceObject {
  return {
    id,
    createdDateTime: createdAt,
    modificationDateTime: modifiedAt,
    objectType: 'RESOURCE',
    clientID: PLATFORM_VEN_CLIENT_ID,
    resourceName: resource.resourceName,
    venID: resource.venId,
    targets: resource.targets,
  };
}

export function reportObject(
  id: string,
  clientId: string,
  createdAt: string,
  modifiedAt: string,
  content: ReportContent,
): ReportObject {
  return {
    id,
    createdDateTime: createdAt,
    modificationDateTime: modifiedAt,
    objectType: 'REPORT',
    ...content,
    clientID: clientId,
  };
}
