import { decoded, refused, type DecodeContext, type DecodeOutcome, type PayloadDecoder } from '../payload-decoder.js';
import { meterNodeId, type TelegramContext } from './dsmr-reading.js';
import { parseDsmrTimestamp } from './dsmr-timestamp.js';
import { electricityReadings } from './electricity-readings.js';
import { decodeEquipmentId } from './equipment-id.js';
import { gasReadings } from './mbus-readings.js';
import { parseObisLines, type ObisLine } from './obis-lines.js';
import { readEnvelope, type EnvelopeRefusal } from './telegram-envelope.js';

/** Stable refusal codes of the DSMR decoder. */
export type DsmrRefusal = EnvelopeRefusal | 'missing_field' | 'missing_crc' | 'bad_timestamp' | 'bad_value';

/** What the agent sends: one framed telegram as received (latin1 text), `measuredAt` left to the telegram. */
export interface DsmrPayload {
  readonly kind: 'dsmr';
  readonly telegram: string;
}

const LEGACY_VERSION = '2.2/3.0';

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}

function refuse(reason: DsmrRefusal, message: string): DecodeOutcome {
  return refused(reason, message);
}

/**
 * DSMR 4+ states its version in 1-3:0.2.8, e-MUCS in 0-0:96.1.4; both must carry a checksum. A telegram stating
 * neither is DSMR 2.2/3.0, which has no checksum to check.
 */
function versionOf(objects: ReadonlyMap<string, ObisLine>): { readonly version: string; readonly needsCrc: boolean } {
  const stated = objects.get('0-0:96.1.4')?.values[0] ?? objects.get('1-3:0.2.8')?.values[0];
  return stated === undefined ? { version: LEGACY_VERSION, needsCrc: false } : { version: stated, needsCrc: true };
}

/** Telegram text → canonical readings of the meter and its M-Bus gas meters. Never throws. */
export function decodeTelegram(text: string, context: DecodeContext): DecodeOutcome {
  const outcome = readEnvelope(text);
  if (!outcome.ok) return refuse(outcome.reason, outcome.message);
  const { body, crc } = outcome.envelope;
  if (crc.expected !== undefined && crc.expected !== crc.computed) {
    return refuse('bad_crc', `checksum mismatch: the telegram says ${crc.expected}, its content gives ${crc.computed}`);
  }
  const { lines } = parseObisLines(body);
  const objects = new Map<string, ObisLine>();
  for (const line of lines) if (!objects.has(line.obis)) objects.set(line.obis, line);
  const { version, needsCrc } = versionOf(objects);
  if (needsCrc && crc.expected === undefined) {
    return refuse(
      'missing_crc',
      `a version ${version} telegram must end in '!' + 4 hex digits; this one has no checksum`,
    );
  }
  const stamp = objects.get('0-0:1.0.0')?.values[0];
  const measuredAt = stamp === undefined ? context.receivedAt : parseDsmrTimestamp(stamp);
  if (measuredAt === undefined)
    return refuse('bad_timestamp', `0-0:1.0.0: "${stamp}" is not a YYMMDDhhmmss[W|S] time stamp`);
  const telegramContext: TelegramContext = { gatewayId: context.gatewayId, receivedAt: context.receivedAt, version };
  const nodeId = meterNodeId(context.gatewayId, decodeEquipmentId(objects.get('0-0:96.1.1')?.values[0]));
  const electricity = electricityReadings(objects, telegramContext, nodeId, measuredAt);
  if (!electricity.ok) return refuse('bad_value', electricity.message);
  return decoded([...electricity.readings, ...gasReadings(lines, telegramContext)]);
}

/** The `dsmr` protocol module: `{ kind: 'dsmr', telegram }` → readings. */
export const dsmrDecoder: PayloadDecoder = {
  protocol: 'dsmr',
  decode(payload, context) {
    const { kind, telegram } = payload;
    if (kind !== 'dsmr') return refuse('missing_field', `payload kind must be "dsmr" (got ${describe(kind)})`);
    if (typeof telegram !== 'string')
      return refuse('missing_field', `payload.telegram must be the telegram text (got ${describe(telegram)})`);
    return decodeTelegram(telegram, context);
  },
};
