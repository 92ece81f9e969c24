import type { DecoderLookup } from '../../../domain/metering/gateway-frame.js';

export type { DecoderLookup };

/** Injection token for the protocol modules installed in this server, by network type. */
export const PAYLOAD_DECODERS = Symbol('PayloadDecoders');
