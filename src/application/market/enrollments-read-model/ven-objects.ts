import type { ValuesMap } from '../../../domain/market/openadr-objects.js';

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

/** An OpenADR 3.1.0 `ven` as a BL client reads it. */
export interface VenObject {
  readonly id: string;
  readonly createdDateTime: string;
  readonly modificationDateTime: string;
  readonly objectType: 'VEN';
  readonly clientID: string;
  readonly venName: string;
  readonly targets: readonly string[];
  readonly attributes: readonly ValuesMap[];
}

/** An OpenADR 3.1.0 `resource` as a BL client reads it (never the sensor behind it). */
export interface ResourceObject {
  readonly id: string;
  readonly createdDateTime: string;
  readonly modificationDateTime: string;
  readonly objectType: 'RESOURCE';
  readonly clientID: string;
  readonly resourceName: string;
  readonly venID: string;
  readonly targets: readonly string[];
}
