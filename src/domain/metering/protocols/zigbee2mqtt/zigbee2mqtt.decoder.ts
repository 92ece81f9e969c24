import {
  QUANTITY_UNITS,
  sensorIdFor,
  type CanonicalReading,
  type Phase,
  type Quantity,
} from '../../canonical-reading.js';
import { decoded, refused, type DecodeContext, type DecodeOutcome, type PayloadDecoder } from '../payload-decoder.js';
import { numericField, switchValue } from '../zigbee/zigbee-state-fields.js';
import { isMultiPhase, switchChannel } from './zigbee2mqtt-fields.js';
import { friendlyNameNodeId, normalizeIeee, parseZigbee2MqttTopic, zigbeeNodeId } from './zigbee2mqtt-topic.js';

/**
 * What the agent sends for one zigbee2mqtt device message:
 * `{ kind: 'zigbee2mqtt', topic: '<base>/<friendly_name>', message: {...}, ieee?: '0x…', baseTopic?, measuredAt? }`.
 * `baseTopic` is only needed when the base topic itself contains a slash.
 */
export const ZIGBEE2MQTT_KIND = 'zigbee2mqtt';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 60) ?? typeof value;
}

/**
 * Battery-powered devices (Aqara and most sensors) publish their battery voltage in mV under the same `voltage`
 * property mains meters use for V; a battery device never measures mains, so its `voltage` is not a reading.
 */
function reportsBatteryVoltage(message: Readonly<Record<string, unknown>>): boolean {
  return Object.hasOwn(message, 'battery') || Object.hasOwn(message, 'battery_low');
}

interface ReadingDraft {
  readonly field: string;
  readonly quantity: Quantity;
  readonly value: number;
  readonly channel?: string;
  readonly phase?: Phase;
  readonly tariff?: 1 | 2;
}

/** The readings one device message holds, in message order; unknown and malformed properties are skipped. */
function draftsOf(message: Readonly<Record<string, unknown>>): ReadingDraft[] {
  const multiPhase = isMultiPhase(message);
  const batteryVoltage = reportsBatteryVoltage(message);
  const drafts: ReadingDraft[] = [];
  for (const [field, raw] of Object.entries(message)) {
    const numeric = numericField(field);
    if (numeric) {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) continue;
      if (field === 'voltage' && batteryVoltage) continue;
      const phase = numeric.phase ?? (numeric.phased && multiPhase ? 'L1' : undefined);
      drafts.push({ field, quantity: numeric.quantity, value: raw, phase, tariff: numeric.tariff });
      continue;
    }
    const channel = switchChannel(field);
    const state = channel === undefined ? undefined : switchValue(raw);
    if (state !== undefined)
      drafts.push({ field, quantity: 'switchState', value: state, channel: channel || undefined });
  }
  return drafts;
}

function decodeZigbee2Mqtt(payload: Readonly<Record<string, unknown>>, context: DecodeContext): DecodeOutcome {
  if (payload.kind !== ZIGBEE2MQTT_KIND)
    return refused('wrong_kind', `expected kind "zigbee2mqtt", got ${describe(payload.kind)}`);
  const { topic, message, ieee, baseTopic, measuredAt } = payload;
  if (typeof topic !== 'string') return refused('bad_topic', `topic must be a string, got ${describe(topic)}`);
  if (baseTopic !== undefined && typeof baseTopic !== 'string') {
    return refused('bad_topic', `baseTopic must be a string, got ${describe(baseTopic)}`);
  }
  const parsed = parseZigbee2MqttTopic(topic, baseTopic);
  switch (parsed.kind) {
    case 'device':
      break;
    case 'bridge':
    case 'command':
    case 'availability':
      return refused(
        'not_a_device_message',
        `topic ${topic} is a zigbee2mqtt ${parsed.kind} topic, not a device state`,
      );
    case 'other':
      return refused('bad_topic', `topic ${topic} is not of the form <base>/<friendly_name>`);
  }
  if (!isPlainObject(message)) {
    return refused('not_a_device_message', `message on ${topic} must be a JSON object, got ${describe(message)}`);
  }

  let nodeId = friendlyNameNodeId(context.gatewayId, parsed.friendlyName);
  if (ieee !== undefined) {
    const address = typeof ieee === 'string' ? normalizeIeee(ieee) : undefined;
    if (!address) return refused('bad_ieee', `ieee must be a 0x-prefixed 16-digit hex address, got ${describe(ieee)}`);
    nodeId = zigbeeNodeId(address);
  }

  let at = context.receivedAt;
  if (measuredAt !== undefined) {
    const time = typeof measuredAt === 'string' && ISO_DATE_TIME.test(measuredAt) ? new Date(measuredAt) : undefined;
    if (!time || Number.isNaN(time.getTime())) {
      return refused('bad_measured_at', `measuredAt must be an ISO-8601 date-time, got ${describe(measuredAt)}`);
    }
    at = time.toISOString();
  }

  const readings = draftsOf(message).map((d): CanonicalReading => ({
    sensorId: sensorIdFor(nodeId, d.channel, d.quantity, { phase: d.phase, tariff: d.tariff }),
    nodeId,
    gatewayId: context.gatewayId,
    quantity: d.quantity,
    unit: QUANTITY_UNITS[d.quantity],
    value: d.value,
    measuredAt: at,
    receivedAt: context.receivedAt,
    ...(d.phase ? { phase: d.phase } : {}),
    ...(d.tariff ? { tariff: d.tariff } : {}),
    source: { protocol: 'zigbee2mqtt', field: d.field },
  }));
  return decoded(readings);
}

/** zigbee2mqtt device state messages (JSON output mode) → canonical readings. `linkquality` is link health, not a reading. */
export const zigbee2mqttDecoder: PayloadDecoder = {
  protocol: 'zigbee2mqtt',
  decode(payload, context) {
    try {
      return decodeZigbee2Mqtt(payload, context);
    } catch (error) {
      // Getters or proxies in a hostile payload must not break the ingest path.
      return refused(
        'decoder_error',
        `zigbee2mqtt payload could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  },
};
