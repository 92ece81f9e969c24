import type { DomainEvent } from '../shared/event.js';
import type { CanonicalReading } from './canonical-reading.js';

/*
 * One gateway frame becomes exactly one event in `readings-<gatewayId>`, stored at revision = frame sequence. That
 * one-to-one mapping is what makes re-sent frames idempotent in every store, so a frame is never split: payloads the
 * server cannot attribute to the gateway's network travel in the same event (`undecoded`), and a frame with nothing
 * decodable at all is stored as UndecodedPayloadReceived instead of ReadingsReported.
 */

export const READINGS_REPORTED = 'ReadingsReported';
export const UNDECODED_PAYLOAD_RECEIVED = 'UndecodedPayloadReceived';
export const NODE_EVENT_REPORTED = 'NodeEventReported';

export const GATEWAY_FRAME_EVENT_TYPES = [READINGS_REPORTED, UNDECODED_PAYLOAD_RECEIVED, NODE_EVENT_REPORTED] as const;

export type UndecodedReason =
  /** The payload is not a JSON object. */
  | 'not_an_object'
  /** An object without a string `kind`. */
  | 'missing_kind'
  /** `kind` names another network type than the gateway's. */
  | 'kind_mismatch'
  /** The gateway's network type was not known when the frame arrived. */
  | 'unknown_network_type'
  /** Text that not every store accepts (NUL, lone UTF-16 surrogates): kept as its JSON text in `rawJson`. */
  | 'unstorable_text'
  /** The protocol module refused it (bad CRC, unknown model, …): `decoderReason` and `message` say why. */
  | 'refused_by_decoder'
  /** No protocol module is installed for the gateway's network type. */
  | 'no_decoder';

export interface UndecodedPayload {
  /** Position of the payload inside its frame. */
  readonly index: number;
  readonly reason: UndecodedReason;
  /** The payload as received; absent when `rawJson` carries it instead. */
  readonly payload?: unknown;
  readonly rawJson?: string;
  /** With `refused_by_decoder`: the module's short code (`bad_crc`, …) and its one-line explanation. */
  readonly decoderReason?: string;
  readonly message?: string;
}

/** A canonical reading as stored in its frame's event: gateway and receipt time are the event's, not repeated. */
export type StoredReading = Omit<CanonicalReading, 'gatewayId' | 'receivedAt'>;

export interface ReadingsReportedData {
  readonly gatewayId: string;
  readonly sequence: number;
  readonly networkType: string;
  /** Canonical readings decoded from the frame's payloads, in frame order. */
  readonly readings: readonly StoredReading[];
  /** Present only when part of the frame could not be attributed. */
  readonly undecoded?: readonly UndecodedPayload[];
  readonly receivedAt: string;
}

export interface UndecodedPayloadReceivedData {
  readonly gatewayId: string;
  readonly sequence: number;
  readonly networkType: string | null;
  readonly undecoded: readonly UndecodedPayload[];
  readonly receivedAt: string;
}

/** A node event the gateway sent in its sequence (joined, interviewed, left, …); the devices context reads these. */
export interface NodeEventReportedData {
  readonly gatewayId: string;
  readonly sequence: number;
  readonly event: string;
  readonly nodeId?: string;
  readonly at?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
  readonly receivedAt: string;
}

export type ReadingsReported = DomainEvent<typeof READINGS_REPORTED, ReadingsReportedData>;
export type UndecodedPayloadReceived = DomainEvent<typeof UNDECODED_PAYLOAD_RECEIVED, UndecodedPayloadReceivedData>;
export type NodeEventReported = DomainEvent<typeof NODE_EVENT_REPORTED, NodeEventReportedData>;
export type GatewayFrameEvent = ReadingsReported | UndecodedPayloadReceived | NodeEventReported;
