import {
  READINGS_REPORTED,
  UNDECODED_PAYLOAD_RECEIVED,
  type ReadingsReportedData,
  type UndecodedPayloadReceivedData,
} from '../../domain/metering/gateway-frame.events.js';
import type { Summarizer } from '../audit/summarizer.js';

// A summary must never throw: the audit projection applies every event, whatever shape an old one has.
function count(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}

/** Audit-trail lines for gateway frames: what an admin scanning the trail wants to know, at a glance. */
export const meteringSummaries: Readonly<Record<string, Summarizer>> = {
  [READINGS_REPORTED]: (data) => {
    const frame = data as Partial<ReadingsReportedData>;
    const undecoded = count(frame.undecoded) > 0 ? `, ${count(frame.undecoded)} undecoded` : '';
    return `frame ${String(frame.sequence)} from gateway ${String(frame.gatewayId)}: ${count(frame.payloads)} ${String(frame.networkType)} payloads${undecoded}`;
  },
  [UNDECODED_PAYLOAD_RECEIVED]: (data) => {
    const frame = data as Partial<UndecodedPayloadReceivedData>;
    const list = Array.isArray(frame.undecoded) ? frame.undecoded : [];
    const reasons = [...new Set(list.map((u) => u.reason))].join(', ');
    return `frame ${String(frame.sequence)} from gateway ${String(frame.gatewayId)}: ${list.length} payloads kept undecoded (${reasons})`;
  },
};
