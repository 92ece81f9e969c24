import type { UndecodedPayload } from './gateway-frame.events.js';

/**
 * ReadingsReported as stored before protocol modules decoded at ingest (metadata schemaVersion 1): the native payloads
 * as received. Frozen; readers upcast it by decoding the payloads (see the metering application's upcaster).
 */
export interface ReadingsReportedV1Data {
  readonly gatewayId: string;
  readonly sequence: number;
  readonly networkType: string;
  readonly payloads: readonly unknown[];
  readonly undecoded?: readonly UndecodedPayload[];
  readonly receivedAt: string;
}
