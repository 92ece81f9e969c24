import { isQuantity, type CanonicalReading } from '../../../domain/metering/canonical-reading.js';
import { READINGS_REPORTED, type StoredReading } from '../../../domain/metering/gateway-frame.events.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { BatchDecoder } from '../../projections/projection.js';
import type { DecoderLookup } from '../ports/payload-decoders.port.js';
import { readingsOf } from '../stored-readings.js';

/** A canonical reading as the read models store it: times normalised to millisecond ISO strings, plus epoch ms. */
export interface ProjectedReading extends CanonicalReading {
  readonly measuredMs: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 1 events are decoded on read; some modules (ZigBee) look their device definitions up asynchronously and
 * must be warmed once per batch before decoding synchronously, like the ingest path does per frame.
 */
async function prepareV1Decoders(events: readonly RecordedEvent[], decoders: DecoderLookup): Promise<void> {
  const payloadsByNetwork = new Map<string, Record<string, unknown>[]>();
  for (const event of events) {
    const data = event.data;
    if (
      !isRecord(data) ||
      Array.isArray(data.readings) ||
      !Array.isArray(data.payloads) ||
      typeof data.networkType !== 'string'
    )
      continue;
    const payloads = payloadsByNetwork.get(data.networkType) ?? [];
    for (const payload of data.payloads as unknown[]) if (isRecord(payload)) payloads.push(payload);
    payloadsByNetwork.set(data.networkType, payloads);
  }
  for (const [networkType, payloads] of payloadsByNetwork) {
    const decoder = decoders(networkType);
    if (decoder?.prepare && payloads.length > 0) await decoder.prepare(payloads);
  }
}

/** Years 0001–9999: what an ISO string with a four-digit year, and so every store, can hold. */
const EARLIEST_MS = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * Epoch ms and the millisecond ISO form the tables compare on; undefined for a time that does not parse. Always
 * re-formatted: V8 rolls days like 02-30 over where Postgres refuses them, which would stop the projection.
 */
export function normalisedTime(text: unknown): { ms: number; iso: string } | undefined {
  if (typeof text !== 'string') return undefined;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms) || ms < EARLIEST_MS || ms > LATEST_MS) return undefined;
  return { ms, iso: new Date(ms).toISOString() };
}

/** Readings of one frame share their times: each distinct text is parsed and re-formatted once per batch. */
type TimeCache = Map<string, { ms: number; iso: string } | undefined>;

function cachedTime(cache: TimeCache, text: unknown): { ms: number; iso: string } | undefined {
  if (typeof text !== 'string') return undefined;
  if (cache.has(text)) return cache.get(text);
  const time = normalisedTime(text);
  cache.set(text, time);
  return time;
}

/**
 * Stored events are trusted but old: a reading the read models could not order or sum is left out. Built field by
 * field, so every projected reading has one shape (a spread of parsed JSON costs several times more per reading).
 */
function projected(
  reading: StoredReading,
  gatewayId: string,
  receivedAt: string,
  times: TimeCache,
): ProjectedReading | undefined {
  const measured = cachedTime(times, reading.measuredAt);
  if (!measured || typeof reading.value !== 'number' || !Number.isFinite(reading.value)) return undefined;
  if (!isQuantity(reading.quantity) || typeof reading.sensorId !== 'string' || typeof reading.nodeId !== 'string')
    return undefined;
  // Columns are typed (smallint, text): a stray value there must not stop the projection.
  const tariff = reading.tariff === 1 || reading.tariff === 2 ? reading.tariff : undefined;
  const phase = typeof reading.phase === 'string' ? reading.phase : undefined;
  return {
    sensorId: reading.sensorId,
    nodeId: reading.nodeId,
    gatewayId,
    quantity: reading.quantity,
    unit: reading.unit,
    value: reading.value,
    measuredAt: measured.iso,
    measuredMs: measured.ms,
    receivedAt,
    phase,
    tariff,
    position: reading.position,
    source: reading.source,
  };
}

/**
 * Folds a batch's ReadingsReported events into each sensor's readings as they are read. Version 2 events are folded
 * at once; from the first event that is not (a version 1 event, decoded here), the rest wait for `finish`, which
 * warms the decoders first: readings then still join their sensor's list in log order.
 */
export class BatchReadingsDecoder implements BatchDecoder<Map<string, ProjectedReading[]>> {
  private readonly bySensor = new Map<string, ProjectedReading[]>();
  private readonly times: TimeCache = new Map();
  private waiting: RecordedEvent[] | undefined;

  constructor(private readonly decoders: DecoderLookup) {}

  add(event: RecordedEvent): void {
    if (event.type !== READINGS_REPORTED) return;
    if (this.waiting || !isRecord(event.data) || !Array.isArray(event.data.readings)) (this.waiting ??= []).push(event);
    else this.fold(event);
  }

  /** Each sensor's readings in reading order, repeats dropped (see `inReadingOrder`). */
  async finish(): Promise<Map<string, ProjectedReading[]>> {
    const waiting = this.waiting ?? [];
    this.waiting = undefined;
    if (waiting.length > 0) await prepareV1Decoders(waiting, this.decoders);
    for (const event of waiting) this.fold(event);
    return inReadingOrder(this.bySensor);
  }

  private fold(event: RecordedEvent): void {
    for (const reading of eventReadings(event, this.decoders, this.times)) {
      const list = this.bySensor.get(reading.sensorId);
      if (list) list.push(reading);
      else this.bySensor.set(reading.sensorId, [reading]);
    }
  }
}

/** The usable readings of one ReadingsReported event, in its order. */
function eventReadings(event: RecordedEvent, decoders: DecoderLookup, times: TimeCache): ProjectedReading[] {
  const data = isRecord(event.data) ? event.data : {};
  const received = normalisedTime(data.receivedAt);
  const readings: ProjectedReading[] = [];
  if (!received || typeof data.gatewayId !== 'string') return readings;
  for (const reading of readingsOf(data, decoders)) {
    const usable = projected(reading, data.gatewayId, received.iso, times);
    if (usable) readings.push(usable);
  }
  return readings;
}

/** The readings of each ReadingsReported event of the batch (v1 events upcast through the decoders), by event id, in log order. */
export async function readingsByEvent(
  batch: readonly RecordedEvent[],
  decoders: DecoderLookup,
): Promise<Map<string, ProjectedReading[]>> {
  const byEvent = new Map<string, ProjectedReading[]>();
  const events = batch.filter((event) => event.type === READINGS_REPORTED);
  if (events.length === 0) return byEvent;
  await prepareV1Decoders(events, decoders);
  const times: TimeCache = new Map();
  for (const event of events) byEvent.set(event.id, eventReadings(event, decoders, times));
  return byEvent;
}

/** The order consecutive readings of one sensor follow: time first, value second so equal times are deterministic. */
export function compareReadings(
  a: { measuredMs: number; value: number },
  b: { measuredMs: number; value: number },
): number {
  return a.measuredMs - b.measuredMs || a.value - b.value;
}

/** What makes two readings the same one delivered twice: sensor, instant and value (readings_raw's unique key). */
export function sameReading(a: ProjectedReading, b: ProjectedReading): boolean {
  // -0 === 0, as Postgres holds -0 and 0 equal.
  return a.sensorId === b.sensorId && a.measuredMs === b.measuredMs && a.value === b.value;
}

/**
 * The readings per sensor, each list in reading order (time, then value) with repeats dropped: the first of each
 * set of repeated readings stays, as the sort is stable. Lists that arrive in order (the common case) are checked,
 * not sorted.
 */
export function bySensorInOrder(readings: readonly ProjectedReading[]): Map<string, ProjectedReading[]> {
  const bySensor = new Map<string, ProjectedReading[]>();
  for (const reading of readings) {
    const list = bySensor.get(reading.sensorId);
    if (list) list.push(reading);
    else bySensor.set(reading.sensorId, [reading]);
  }
  return inReadingOrder(bySensor);
}

/** Puts each sensor's list (in arrival order) into reading order, repeats dropped; answers the same map. */
function inReadingOrder(bySensor: Map<string, ProjectedReading[]>): Map<string, ProjectedReading[]> {
  for (const [sensorId, list] of bySensor) {
    let ordered = true;
    for (let i = 1; i < list.length && ordered; i++) ordered = compareReadings(list[i - 1]!, list[i]!) < 0;
    if (ordered) continue;
    list.sort(compareReadings);
    bySensor.set(
      sensorId,
      list.filter((reading, i) => i === 0 || !sameReading(list[i - 1]!, reading)),
    );
  }
  return bySensor;
}
