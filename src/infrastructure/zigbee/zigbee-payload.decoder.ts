import type { Logger } from 'pino';
import type { Zh } from 'zigbee-herdsman-converters/lib/types';
import { findByDevice, type Definition } from 'zigbee-herdsman-converters';
import { QUANTITY_UNITS, sensorIdFor, type CanonicalReading } from '../../domain/metering/canonical-reading.js';
import {
  decoded,
  refused,
  type DecodeContext,
  type DecodeOutcome,
  type PayloadDecoder,
} from '../../domain/metering/protocols/payload-decoder.js';
import { deviceFromPayload, type Device } from './converter-facade.js';
import { convertedValues } from './converter-readings.js';
import { routeZigbeeLibraryLogs } from './zigbee-logging.js';
import { fromJsonValue, parseZigbeePayload, type ZigbeePayload } from './zigbee-payload.js';

/** The part of a `fromZigbee` converter this decoder calls; the library's own type is generic per cluster. */
interface FromZigbeeConverter {
  readonly cluster: string | number;
  readonly type: string | readonly string[];
  convert(
    model: Definition,
    msg: unknown,
    publish: (payload: Record<string, unknown>) => void,
    options: Record<string, unknown>,
    meta: unknown,
  ): unknown;
}

export type DefinitionLookup = (
  modelId: string,
  manufacturerName: string | undefined,
) => Promise<Definition | undefined>;

const lookUpDefinition: DefinitionLookup = (modelId, manufacturerName) =>
  findByDevice({
    ieeeAddr: '0x0000000000000000',
    modelID: modelId,
    manufacturerName,
    endpoints: [],
    getEndpoint: () => undefined,
  } as unknown as Zh.Device);

/**
 * Converters drop a message whose transaction number they saw recently for the same device (radio repeats); the agent
 * already removed repeats, and one frame may be decoded again, so each conversion gets a number of its own. The
 * converters' memory is process-wide, hence so is the counter.
 */
let conversionNumber = 0;

function modelKey(modelId: string, manufacturerName: string | undefined): string {
  return `${modelId}\u0000${manufacturerName ?? ''}`;
}

function converterTypes(converter: FromZigbeeConverter): readonly string[] {
  return typeof converter.type === 'string' ? [converter.type] : converter.type;
}

/**
 * ZigBee payloads from the agent → canonical readings, through the real zigbee-herdsman-converters definition of the
 * device (found by model id and manufacturer, cached per model) and its `fromZigbee` converters. Converters see a
 * device facade that serves the attribute cache the agent sent along (multiplier, divisor, …).
 */
export class ZigbeePayloadDecoder implements PayloadDecoder {
  readonly protocol = 'zigbee';
  /** `null`: the library has no definition for the model. */
  private readonly definitions = new Map<string, Definition | null>();

  constructor(private readonly options: { readonly logger?: Logger; readonly lookUp?: DefinitionLookup } = {}) {
    if (options.logger) routeZigbeeLibraryLogs(options.logger);
  }

  async prepare(payloads: readonly Readonly<Record<string, unknown>>[]): Promise<void> {
    const wanted = new Map<string, { modelId: string; manufacturerName: string | undefined }>();
    for (const payload of payloads) {
      if (payload.kind !== 'zigbee' || typeof payload.modelId !== 'string') continue;
      const manufacturerName = typeof payload.manufacturerName === 'string' ? payload.manufacturerName : undefined;
      const key = modelKey(payload.modelId, manufacturerName);
      if (!this.definitions.has(key)) wanted.set(key, { modelId: payload.modelId, manufacturerName });
    }
    const lookUp = this.options.lookUp ?? lookUpDefinition;
    for (const [key, { modelId, manufacturerName }] of wanted) {
      try {
        this.definitions.set(key, (await lookUp(modelId, manufacturerName)) ?? null);
      } catch (error) {
        // Not cached: a failing lookup is retried with the next frame.
        this.options.logger?.warn({ modelId, manufacturerName, err: error }, 'zigbee definition lookup failed');
      }
    }
  }

  decode(raw: Readonly<Record<string, unknown>>, context: DecodeContext): DecodeOutcome {
    try {
      return this.decodeChecked(raw, context);
    } catch (error) {
      return refused(
        'decoder_error',
        `zigbee payload could not be decoded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private decodeChecked(raw: Readonly<Record<string, unknown>>, context: DecodeContext): DecodeOutcome {
    const payload = parseZigbeePayload(raw);
    if (typeof payload === 'string') return refused('bad_payload', `zigbee payload: ${payload}`);
    const definition = this.definitions.get(modelKey(payload.modelId, payload.manufacturerName));
    const who = `model "${payload.modelId}"${payload.manufacturerName ? ` from "${payload.manufacturerName}"` : ''}`;
    if (definition === undefined)
      return refused(
        'unknown_model',
        `no definition loaded for ${who}: prepare() was not awaited or the lookup failed`,
      );
    if (definition === null) return refused('unknown_model', `zigbee-herdsman-converters has no definition for ${who}`);
    const output = this.convert(definition, payload);
    if (typeof output === 'string') return refused('converter_error', output);
    return decoded(this.readings(definition, payload, output.values, output.endpointSuffix, context));
  }

  private convert(
    definition: Definition,
    payload: ZigbeePayload,
  ): { values: Record<string, unknown>; endpointSuffix?: string } | string {
    const data = fromJsonValue(payload.data) as Record<string, unknown>;
    const { device, endpoint } = deviceFromPayload(
      payload.ieee,
      payload.modelId,
      payload.manufacturerName,
      payload.endpoint,
      payload.meta,
      payload.cluster,
      data,
    );
    const msg = {
      data,
      endpoint,
      device,
      meta: { zclTransactionSequenceNumber: ++conversionNumber, rawData: Buffer.alloc(0) },
      groupID: 0,
      type: payload.type,
      cluster: payload.cluster,
      linkquality: payload.linkquality ?? 0,
    };
    const meta = { state: {}, device, deviceExposesChanged: () => {} };
    const values: Record<string, unknown> = {};
    let open = true;
    // Some converters publish instead of returning; late publishes (after a delay) have nowhere to go server-side.
    const publish = (published: Record<string, unknown>): void => {
      if (open) Object.assign(values, published);
    };
    const converters = (definition.fromZigbee as unknown as readonly FromZigbeeConverter[]).filter(
      (c) => String(c.cluster) === payload.cluster && converterTypes(c).includes(payload.type),
    );
    try {
      for (const converter of converters) {
        const result = converter.convert(definition, msg, publish, {}, meta);
        if (result instanceof Promise) result.catch(() => undefined);
        else if (typeof result === 'object' && result !== null) Object.assign(values, result);
      }
    } catch (error) {
      return `${definition.model} converter for ${payload.cluster} failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      open = false;
    }
    return { values, endpointSuffix: endpointName(definition, device, payload.endpoint) };
  }

  private readings(
    definition: Definition,
    payload: ZigbeePayload,
    values: Record<string, unknown>,
    endpointSuffix: string | undefined,
    context: DecodeContext,
  ): CanonicalReading[] {
    const nodeId = `zigbee:${payload.ieee}`;
    return convertedValues(values, endpointSuffix).map(({ quantity, phase, tariff, value }) => ({
      sensorId: sensorIdFor(nodeId, payload.endpoint, quantity, { phase, tariff }),
      nodeId,
      gatewayId: context.gatewayId,
      quantity,
      unit: QUANTITY_UNITS[quantity],
      value,
      measuredAt: payload.measuredAt,
      receivedAt: context.receivedAt,
      ...(phase ? { phase } : {}),
      ...(tariff ? { tariff } : {}),
      source: { protocol: 'zigbee', cluster: payload.cluster, model: definition.model },
    }));
  }
}

/** The suffix a multi-endpoint definition appends to its keys for this endpoint, as the library computes it. */
function endpointName(definition: Definition, device: Device, endpointId: number): string | undefined {
  if (!definition.meta?.multiEndpoint) return undefined;
  try {
    const names = definition.endpoint?.(device as unknown as Zh.Device);
    const name = names ? Object.entries(names).find(([, id]) => id === endpointId)?.[0] : undefined;
    return name ?? String(endpointId);
  } catch {
    return String(endpointId);
  }
}
