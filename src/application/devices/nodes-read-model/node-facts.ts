import { NODE_EVENT_REPORTED, READINGS_REPORTED } from '../../../domain/metering/gateway-frame.events.js';
import { normalisedTime, type ProjectedReading } from '../../metering/readings-read-model/batch-readings.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { NodeFact } from './node-row.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isoOrNull(value: unknown): string | null {
  return normalisedTime(value)?.iso ?? null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The node fact a NodeEventReported carries; undefined for gateway-level events (outbox_overflow) and bad data. */
export function nodeFactOf(data: unknown): NodeFact | undefined {
  if (!isRecord(data) || typeof data.nodeId !== 'string' || typeof data.gatewayId !== 'string') return undefined;
  const { nodeId, gatewayId } = data;
  const at = isoOrNull(data.at) ?? isoOrNull(data.receivedAt);
  const detail = isRecord(data.detail) ? data.detail : {};
  const event = data.event;
  switch (event) {
    case 'joined':
    case 'left':
      return { kind: event, nodeId, gatewayId, at };
    case 'interviewed': {
      const model = text(detail.model);
      const vendor = text(detail.vendor);
      const firmware = text(detail.firmware);
      return {
        kind: 'interviewed',
        nodeId,
        gatewayId,
        at,
        ...(model !== undefined ? { model } : {}),
        ...(vendor !== undefined ? { vendor } : {}),
        ...(firmware !== undefined ? { firmware } : {}),
      };
    }
    case 'link_quality': {
      const rounded = typeof detail.linkquality === 'number' ? Math.round(detail.linkquality) : NaN;
      // link_quality is an integer column; ZigBee's LQI is 0–255, anything far outside is noise.
      const quality = Number.isInteger(rounded) && Math.abs(rounded) <= 0xffff ? rounded : undefined;
      const availability =
        detail.availability === 'online' || detail.availability === 'offline' ? detail.availability : undefined;
      if (quality === undefined && availability === undefined) return undefined;
      return {
        kind: 'link_quality',
        nodeId,
        gatewayId,
        at,
        ...(quality !== undefined ? { linkQuality: quality } : {}),
        ...(availability !== undefined ? { availability } : {}),
      };
    }
    default:
      return undefined;
  }
}

/** One fact per node per frame: the newest measuredAt of the node's readings in it, and their protocol. */
function readingFacts(readings: readonly ProjectedReading[]): NodeFact[] {
  const byNode = new Map<string, ProjectedReading>();
  for (const reading of readings) {
    const seen = byNode.get(reading.nodeId);
    if (!seen || reading.measuredMs > seen.measuredMs) byNode.set(reading.nodeId, reading);
  }
  return [...byNode.values()].map((r) => ({
    kind: 'readings',
    nodeId: r.nodeId,
    gatewayId: r.gatewayId,
    lastMeasuredAt: r.measuredAt,
    protocol: String(r.source?.protocol ?? 'unknown'),
  }));
}

/**
 * The batch as node facts in log order. `readingsByEvent` holds the (upcast) readings of each ReadingsReported
 * event, keyed by event id.
 */
export function nodeFactsOf(
  batch: readonly RecordedEvent[],
  readingsByEvent: ReadonlyMap<string, readonly ProjectedReading[]>,
): NodeFact[] {
  const facts: NodeFact[] = [];
  for (const event of batch) {
    if (event.type === NODE_EVENT_REPORTED) {
      const fact = nodeFactOf(event.data);
      if (fact) facts.push(fact);
    } else if (event.type === READINGS_REPORTED) {
      facts.push(...readingFacts(readingsByEvent.get(event.id) ?? []));
    }
  }
  return facts;
}
