import type { DecoderLookup } from '../../src/application/metering/ports/payload-decoders.port.js';
import type { RecordedEvent } from '../../src/application/ports/event-store.port.js';
import type { StoredReading } from '../../src/domain/metering/gateway-frame.events.js';
import { decoded, refused, type PayloadDecoder } from '../../src/domain/metering/protocols/payload-decoder.js';

/**
 * A protocol module for specs about transport, sequencing and storage rather than decoding: a payload carrying a
 * numeric `n` becomes one power reading whose value is n; anything else is refused (and so kept undecoded).
 */
export const echoDecoder: PayloadDecoder = {
  protocol: 'echo',
  decode(payload, { gatewayId, receivedAt }) {
    if (typeof payload.n !== 'number') return refused('no_n', 'the echo module needs a numeric n');
    const nodeId = `echo:${gatewayId}`;
    return decoded([
      {
        sensorId: `${nodeId}/power`,
        nodeId,
        gatewayId,
        quantity: 'power',
        unit: 'W',
        value: payload.n,
        measuredAt: receivedAt,
        receivedAt,
        source: { protocol: 'zigbee', echo: true },
      },
    ]);
  },
};

export const echoDecoders: DecoderLookup = () => echoDecoder;

/** Every echoed `n` stored in the events, in stream order. */
export function echoedNs(events: readonly RecordedEvent[]): number[] {
  return events
    .filter((e) => e.type === 'ReadingsReported')
    .flatMap((e) => (e.data as { readings: StoredReading[] }).readings.map((r) => r.value));
}
