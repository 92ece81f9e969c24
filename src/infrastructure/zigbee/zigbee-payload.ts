/** Message types the agent forwards: the ones `fromZigbee` converters turn into measurements. */
export const ZIGBEE_PAYLOAD_TYPES = ['attributeReport', 'readResponse'] as const;
export type ZigbeePayloadType = (typeof ZIGBEE_PAYLOAD_TYPES)[number];

export type AttributeCache = Readonly<Record<string, Readonly<Record<string, number | string>>>>;

/**
 * What the agent sends for one herdsman `message`: the decoded ZCL attributes plus what conversion needs and the
 * server cannot know, i.e. the device identity and scale attributes from herdsman's attribute cache.
 */
export interface ZigbeePayload {
  readonly kind: 'zigbee';
  readonly ieee: string;
  readonly endpoint: number;
  /** herdsman cluster name, e.g. `seMetering`. */
  readonly cluster: string;
  readonly type: ZigbeePayloadType;
  readonly data: Readonly<Record<string, unknown>>;
  readonly modelId: string;
  readonly manufacturerName?: string;
  readonly linkquality?: number;
  /** ZCL transaction sequence number, for tracing. */
  readonly tsn?: number;
  readonly measuredAt: string;
  /** Cached attributes by cluster name, e.g. `{ seMetering: { multiplier: 1, divisor: 1000 } }`. */
  readonly meta: AttributeCache;
}

/** Attributes converters read from the attribute cache to scale raw values. */
export const SCALE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  seMetering: ['multiplier', 'divisor', 'unitOfMeasure', 'summaFormatting', 'demandFormatting', 'meteringDeviceType'],
  haElectricalMeasurement: ['ac', 'dc'].flatMap((kind) =>
    ['Voltage', 'Current', 'Power', 'Frequency'].flatMap((what) => [
      `${kind}${what}Multiplier`,
      `${kind}${what}Divisor`,
    ]),
  ),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAttributeCache(value: unknown): value is AttributeCache {
  return (
    isRecord(value) &&
    Object.values(value).every(
      (c) => isRecord(c) && Object.values(c).every((v) => typeof v === 'number' || typeof v === 'string'),
    )
  );
}

/** Validates a payload as it arrives from the agent; a string names the first problem. */
export function parseZigbeePayload(payload: Readonly<Record<string, unknown>>): ZigbeePayload | string {
  const { ieee, endpoint, cluster, type, data, modelId, manufacturerName, linkquality, tsn, measuredAt, meta } =
    payload;
  if (payload.kind !== 'zigbee') return `kind must be "zigbee", got ${JSON.stringify(payload.kind)}`;
  if (typeof ieee !== 'string' || !/^0x[0-9a-f]{16}$/.test(ieee))
    return `ieee must be like 0x00124b0022a1b2c3, got ${JSON.stringify(ieee)}`;
  if (typeof endpoint !== 'number' || !Number.isInteger(endpoint) || endpoint < 1 || endpoint > 255)
    return `endpoint must be 1..255`;
  if (typeof cluster !== 'string' || cluster === '') return 'cluster must be a cluster name';
  if (!(ZIGBEE_PAYLOAD_TYPES as readonly unknown[]).includes(type))
    return `type must be ${ZIGBEE_PAYLOAD_TYPES.join(' or ')}`;
  if (!isRecord(data)) return 'data must be an object of attributes';
  if (typeof modelId !== 'string' || modelId === '') return 'modelId is missing';
  if (manufacturerName !== undefined && typeof manufacturerName !== 'string')
    return 'manufacturerName must be a string';
  if (linkquality !== undefined && typeof linkquality !== 'number') return 'linkquality must be a number';
  if (tsn !== undefined && typeof tsn !== 'number') return 'tsn must be a number';
  if (typeof measuredAt !== 'string' || Number.isNaN(Date.parse(measuredAt)))
    return 'measuredAt must be an ISO-8601 time';
  if (meta !== undefined && !isAttributeCache(meta)) return 'meta must map cluster names to attribute values';
  return {
    kind: 'zigbee',
    ieee,
    endpoint,
    cluster,
    type: type as ZigbeePayloadType,
    data,
    modelId,
    ...(manufacturerName !== undefined ? { manufacturerName } : {}),
    ...(linkquality !== undefined ? { linkquality } : {}),
    ...(tsn !== undefined ? { tsn } : {}),
    measuredAt: new Date(measuredAt).toISOString(),
    meta: meta ?? {},
  };
}

/** Attribute values as JSON carries them: 48-bit counters may arrive as bigint, octet strings as Buffers. */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Buffer.isBuffer(value)) return { type: 'Buffer', data: [...value] };
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]));
  return value;
}

/** The inverse of `toJsonValue` for Buffers, which some converters read byte by byte. */
export function fromJsonValue(value: unknown): unknown {
  if (isRecord(value) && value.type === 'Buffer' && Array.isArray(value.data))
    return Buffer.from(value.data as number[]);
  if (Array.isArray(value)) return value.map(fromJsonValue);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromJsonValue(v)]));
  return value;
}
