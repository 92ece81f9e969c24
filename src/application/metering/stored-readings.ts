import type { CanonicalReading } from '../../domain/metering/canonical-reading.js';
import type { ReadingsReportedData, StoredReading } from '../../domain/metering/gateway-frame.events.js';
import type { ReadingsReportedV1Data } from '../../domain/metering/gateway-frame.events.v1.js';
import type { DecoderLookup } from './ports/payload-decoders.port.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The readings a ReadingsReported event carries, whatever its version: v2 stores them; v1 stored the native payloads,
 * which are decoded here with today's protocol modules (what they refuse contributes nothing).
 */
export function readingsOf(data: unknown, decoders: DecoderLookup): readonly StoredReading[] {
  if (!isRecord(data)) return [];
  if (Array.isArray(data.readings)) return (data as unknown as ReadingsReportedData).readings;
  const v1 = data as Partial<ReadingsReportedV1Data>;
  if (!Array.isArray(v1.payloads) || typeof v1.networkType !== 'string') return [];
  const decoder = decoders(v1.networkType);
  if (!decoder) return [];
  const context = { gatewayId: String(v1.gatewayId), receivedAt: String(v1.receivedAt) };
  return v1.payloads.flatMap((payload) => {
    if (!isRecord(payload)) return [];
    try {
      const outcome = decoder.decode(payload, context);
      return outcome.ok ? outcome.readings.map(({ gatewayId: _g, receivedAt: _r, ...rest }) => rest) : [];
    } catch {
      return [];
    }
  });
}

/** Back to the full canonical reading: the event's gateway and receipt time added to each. */
export function canonicalReadings(data: unknown, decoders: DecoderLookup): CanonicalReading[] {
  if (!isRecord(data)) return [];
  const gatewayId = String(data.gatewayId);
  const receivedAt = String(data.receivedAt);
  return readingsOf(data, decoders).map((reading) => ({ ...reading, gatewayId, receivedAt }));
}
