import { Zcl } from 'zigbee-herdsman';
import { defaultResponse, globalResponse } from './zcl-frames.js';

/** One attribute a virtual device holds, under its numeric id. */
export interface StoredAttribute {
  readonly name: string;
  readonly type: Zcl.DataType;
  value: number | string;
}

export interface ReportingConfiguration {
  readonly endpoint: number;
  readonly cluster: string;
  readonly attribute: string;
  readonly minimumInterval: number;
  readonly maximumInterval: number;
  /** In the attribute's raw units; 0 when the request left it out (discrete attributes). */
  readonly reportableChange: number;
}

const STOP_REPORTING = 0xffff;

/**
 * Answers a global (foundation) command the way the product does: read, write and configure reporting work on the
 * cluster's stored attributes; answers to the coordinator's own requests stay silent, anything else is unsupported.
 * `reporting` is the device's reporting table, keyed `endpoint:cluster:attribute`.
 */
export function answerGlobalCommand(
  endpointId: number,
  request: Zcl.Frame,
  attributes: Map<number, StoredAttribute> | undefined,
  reporting: Map<string, ReportingConfiguration>,
): Zcl.Frame | undefined {
  switch (request.command.name) {
    case 'read':
      return globalResponse(request, 'readRsp', readRecords(request.payload as { attrId: number }[], attributes));
    case 'write':
      return globalResponse(
        request,
        'writeRsp',
        write(request.payload as { attrId: number; attrData: number | string }[], attributes),
      );
    case 'configReport':
      return globalResponse(request, 'configReportRsp', configureReporting(endpointId, request, attributes, reporting));
    case 'defaultRsp':
    case 'readRsp':
    case 'writeRsp':
      return undefined;
    default:
      return defaultResponse(request, Zcl.Status.UNSUP_COMMAND);
  }
}

function readRecords(
  items: readonly { attrId: number }[],
  attributes: Map<number, StoredAttribute> | undefined,
): unknown[] {
  return items.map(({ attrId }) => {
    const stored = attributes?.get(attrId);
    return stored
      ? { attrId, status: Zcl.Status.SUCCESS, dataType: stored.type, attrData: stored.value }
      : { attrId, status: Zcl.Status.UNSUPPORTED_ATTRIBUTE };
  });
}

function write(
  items: readonly { attrId: number; attrData: number | string }[],
  attributes: Map<number, StoredAttribute> | undefined,
): unknown[] {
  const failures = items.filter(({ attrId }) => !attributes?.has(attrId));
  if (failures.length > 0) return failures.map(({ attrId }) => ({ attrId, status: Zcl.Status.UNSUPPORTED_ATTRIBUTE }));
  for (const { attrId, attrData } of items) {
    const stored = attributes?.get(attrId);
    if (stored) stored.value = attrData;
  }
  return [{ status: Zcl.Status.SUCCESS }];
}

function configureReporting(
  endpointId: number,
  request: Zcl.Frame,
  attributes: Map<number, StoredAttribute> | undefined,
  reporting: Map<string, ReportingConfiguration>,
): unknown[] {
  const items = request.payload as {
    direction: number;
    attrId: number;
    minRepIntval?: number;
    maxRepIntval?: number;
    repChange?: number;
  }[];
  const failures = items.filter(({ attrId }) => !attributes?.has(attrId));
  if (failures.length > 0) {
    return failures.map(({ direction, attrId }) => ({ status: Zcl.Status.UNSUPPORTED_ATTRIBUTE, direction, attrId }));
  }
  for (const item of items) {
    const name = attributes?.get(item.attrId)?.name ?? String(item.attrId);
    const key = `${endpointId}:${request.cluster.name}:${name}`;
    if (item.maxRepIntval === STOP_REPORTING) {
      reporting.delete(key);
      continue;
    }
    reporting.set(key, {
      endpoint: endpointId,
      cluster: request.cluster.name,
      attribute: name,
      minimumInterval: item.minRepIntval ?? 0,
      maximumInterval: item.maxRepIntval ?? 0,
      reportableChange: item.repChange ?? 0,
    });
  }
  return [{ status: Zcl.Status.SUCCESS }];
}
