import { isQuantity, type CanonicalReading } from '../../../domain/metering/canonical-reading.js';
import { READINGS_REPORTED, type StoredReading } from '../../../domain/metering/gateway-frame.events.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
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
    if (!isRecord(data) || Array.isArray(data.readings) || !Array.isArray(data.payloads) || typeof data.networkType !== 'string') continue;
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

/** Stored events are trusted but old: a reading the read models could not order or sum is left out. */
function projected(reading: StoredReading, gatewayId: string, receivedAt: string): ProjectedReading | undefined {
  const measured = normalisedTime(reading.measuredAt);
  if (!measured || typeof reading.value !== 'number' || !Number.isFinite(reading.value)) return undefined;
  if (!isQuantity(reading.quantity) || typeof reading.sensorId !== 'string' || typeof reading.nodeId !== 'string') return undefined;
  // Columns are typed (smallint, text): a stray value there must not stop the projection.
  const tariff = reading.tariff === 1 || reading.tariff === 2 ? reading.tariff : undefined;
  const phase = typeof reading.phase === 'string' ? reading.phase : undefined;
  return { ...reading, gatewayId, receivedAt, measuredAt: measured.iso, measuredMs: measured.ms, tariff, phase };
}

/** The readings of each ReadingsReported event of the batch (v1 events upcast through the decoders), by event id, in log order. */
export async function readingsByEvent(batch: readonly RecordedEvent[], decoders: DecoderLookup): Promise<Map<string, ProjectedReading[]>> {
  const byEvent = new Map<string, ProjectedReading[]>();
  const events = batch.filter((event) => event.type === READINGS_REPORTED);
  if (events.length === 0) return byEvent;
  await prepareV1Decoders(events, decoders);
  for (const event of events) {
    const data = isRecord(event.data) ? event.data : {};
    const received = normalisedTime(data.receivedAt);
    const readings: ProjectedReading[] = [];
    if (received && typeof data.gatewayId === 'string') {
      for (const reading of readingsOf(data, decoders)) {
        const usable = projected(reading, data.gatewayId, received.iso);
        if (usable) readings.push(usable);
      }
    }
    byEvent.set(event.id, readings);
  }
  return byEvent;
}

/** Every reading the batch carries, in log order. */
export async function readingsOfBatch(batch: readonly RecordedEvent[], decoders: DecoderLookup): Promise<ProjectedReading[]> {
  return [...(await readingsByEvent(batch, decoders)).values()].flat();
}

/** The order consecutive readings of one sensor follow: time first, value second so equal times are deterministic. */
export function compareReadings(a: { measuredMs: number; value: number }, b: { measuredMs: number; value: number }): number {
  return a.measuredMs - b.measuredMs || a.value - b.value;
}

/** What makes two readings the same one delivered twice: sensor, instant and value (readings_raw's unique key). */
export function readingKey(reading: { sensorId: string; measuredMs: number; value: number }): string {
  // String(-0) is "0", as Postgres holds -0 and 0 equal.
  return `${reading.sensorId}\u0000${reading.measuredMs}\u0000${String(reading.value)}`;
}

/** The first of each set of repeated readings, in the original order. */
export function withoutRepeats(readings: readonly ProjectedReading[]): ProjectedReading[] {
  const seen = new Set<string>();
  return readings.filter((reading) => {
    const key = readingKey(reading);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
