import { randomUUID } from 'node:crypto';
import { QUANTITY_UNITS, sensorIdFor, type Quantity } from '../../../domain/metering/canonical-reading.js';
import type { StoredReading } from '../../../domain/metering/gateway-frame.events.js';
import type { NewEvent } from '../../ports/event-store.port.js';

/** Builders for readings read-model specs: events as the ingest path stores them. */

export interface ReadingSpec {
  readonly node?: string;
  readonly quantity: Quantity;
  readonly value: number;
  readonly measuredAt: string;
  readonly tariff?: 1 | 2;
}

export function aReading(spec: ReadingSpec): StoredReading {
  const nodeId = spec.node ?? 'zigbee:0x00124b0001';
  return {
    sensorId: sensorIdFor(nodeId, 1, spec.quantity, spec.tariff ? { tariff: spec.tariff } : {}),
    nodeId,
    quantity: spec.quantity,
    unit: QUANTITY_UNITS[spec.quantity],
    value: spec.value,
    measuredAt: spec.measuredAt,
    ...(spec.tariff ? { tariff: spec.tariff } : {}),
    source: { protocol: 'zigbee', cluster: 'seMetering' },
  };
}

/** A version 2 frame event carrying canonical readings. */
export function aReadingsReported(
  gatewayId: string,
  sequence: number,
  readings: readonly StoredReading[],
  receivedAt = '2024-05-01T12:00:00.000Z',
): NewEvent {
  return {
    id: randomUUID(),
    type: 'ReadingsReported',
    data: { gatewayId, sequence, networkType: 'zigbee', readings, receivedAt },
    metadata: { actorId: 'test', schemaVersion: 2 },
  };
}

/** A version 1 frame event: the native payloads as received, decoded only when read. */
export function aV1ReadingsReported(gatewayId: string, sequence: number, networkType: string, payloads: readonly unknown[], receivedAt: string): NewEvent {
  return {
    id: randomUUID(),
    type: 'ReadingsReported',
    data: { gatewayId, sequence, networkType, payloads, receivedAt },
    metadata: { actorId: 'test', schemaVersion: 1 },
  };
}

export function aNodeEventReported(
  gatewayId: string,
  sequence: number,
  event: 'joined' | 'interviewed' | 'left' | 'link_quality' | 'outbox_overflow',
  nodeId: string | undefined,
  at: string,
  detail?: Record<string, unknown>,
): NewEvent {
  return {
    id: randomUUID(),
    type: 'NodeEventReported',
    data: { gatewayId, sequence, event, ...(nodeId ? { nodeId } : {}), at, ...(detail ? { detail } : {}), receivedAt: at },
    metadata: { actorId: 'test' },
  };
}

/** A deterministic generator (32-bit linear congruential), so a shuffled order can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    // The high bits of an LCG are the well-mixed ones.
    return (state >>> 8) / 0x1000000;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
