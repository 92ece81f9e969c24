import type { CanonicalReading } from '../../../domain/metering/canonical-reading.js';
import { dsmrDecoder, TelegramFramer } from '../../../domain/metering/protocols/dsmr/index.js';
import { modbusDecoder } from '../../../domain/metering/protocols/modbus/modbus.decoder.js';
import type { PayloadDecoder } from '../../../domain/metering/protocols/payload-decoder.js';
import { zigbee2mqttDecoder } from '../../../domain/metering/protocols/zigbee2mqtt/zigbee2mqtt.decoder.js';

export const DECODE_PROTOCOLS = ['dsmr', 'zigbee2mqtt', 'sdm630'] as const;
export type DecodeProtocol = (typeof DECODE_PROTOCOLS)[number];

export class DecodeInputError extends Error {
  override readonly name = 'DecodeInputError';
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DecodeInputError(`line ${i + 1}: not JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new DecodeInputError(`line ${i + 1}: expected a JSON object`);
    return [value as Record<string, unknown>];
  });
}

/** What stdin holds, as the payloads the agent would have sent: telegrams as a byte stream, the others as JSON lines. */
function payloadsOf(protocol: DecodeProtocol, text: string): Record<string, unknown>[] {
  switch (protocol) {
    case 'dsmr': {
      const telegrams = new TelegramFramer().push(text);
      if (telegrams.length === 0)
        throw new DecodeInputError('no complete DSMR telegram (from "/" to "!" and its CRC) on stdin');
      return telegrams.map((telegram) => ({ kind: 'dsmr', telegram }));
    }
    case 'zigbee2mqtt':
      return jsonLines(text).map((p) => ({ ...p, kind: 'zigbee2mqtt' }));
    case 'sdm630':
      return jsonLines(text).map((p) => ({ device: 'stdin', unitId: 1, ...p, kind: 'modbus', map: 'sdm630' }));
  }
}

function decoderFor(protocol: DecodeProtocol): PayloadDecoder {
  switch (protocol) {
    case 'dsmr':
      return dsmrDecoder;
    case 'zigbee2mqtt':
      return zigbee2mqttDecoder;
    case 'sdm630':
      return modbusDecoder;
  }
}

/** Every payload decoded in order; the first refusal stops with its reason and which payload it was. */
export function decodeInput(
  protocol: DecodeProtocol,
  text: string,
  gatewayId: string,
  receivedAt: string,
): CanonicalReading[] {
  const decoder = decoderFor(protocol);
  return payloadsOf(protocol, text).flatMap((payload, i) => {
    const outcome = decoder.decode(payload, { gatewayId, receivedAt });
    if (!outcome.ok) throw new DecodeInputError(`payload ${i + 1}: ${outcome.reason}: ${outcome.message}`);
    return [...outcome.readings];
  });
}
