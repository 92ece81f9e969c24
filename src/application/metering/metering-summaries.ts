import {
  READINGS_REPORTED,
  UNDECODED_PAYLOAD_RECEIVED,
  type ReadingsReportedData,
  type UndecodedPayloadReceivedData,
} from '../../domain/metering/gateway-frame.events.js';
import type { ReadingsReportedV1Data } from '../../domain/metering/gateway-frame.events.v1.js';
import type { Summarizer } from '../audit/summarizer.js';

// A summary must never throw: the audit projection applies every event, whatever shape an old one has.
function count(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}

/** Audit-trail lines for gateway frames: what an admin scanning the trail wants to know, at a glance. */
export const meteringSummaries: Readonly<Record<string, Summarizer>> = {
  [READINGS_REPORTED]: (data) => {
    const frame = data as Partial<ReadingsReportedData> & Partial<Pick<ReadingsReportedV1Data, 'payloads'>>;
    const undecoded = count(frame.undecoded) > 0 ? `, ${count(frame.undecoded)} undecoded` : '';
    const what = Array.isArray(frame.readings)
      ? `${count(frame.readings)} readings`
      : `${count(frame.payloads)} ${String(frame.networkType)} payloads`;
    return `frame ${String(frame.sequence)} from gateway ${String(frame.gatewayId)}: ${what}${undecoded}`;
  },
  [UNDECODED_PAYLOAD_RECEIVED]: (data) => {
    const frame = data as Partial<UndecodedPayloadReceivedData>;
    const list = Array.isArray(frame.undecoded) ? frame.undecoded : [];
    const reasons = [...new Set(list.map((u) => u.reason))].join(', ');
    return `frame ${String(frame.sequence)} from gateway ${String(frame.gatewayId)}: ${list.length} payloads kept undecoded (${reasons})`;
  },
};
