import {
  QUANTITY_UNITS,
  sensorIdFor,
  type CanonicalReading,
  type Phase,
  type Quantity,
} from '../../canonical-reading.js';

/** What every reading of one telegram shares. */
export interface TelegramContext {
  readonly gatewayId: string;
  readonly receivedAt: string;
  /** The P1 version the telegram states (`50`, `42`, e-MUCS `50217`), `2.2/3.0` when it states none. */
  readonly version: string;
}

export interface Measure {
  readonly quantity: Quantity;
  readonly phase?: Phase;
  readonly tariff?: 1 | 2;
}

/** The electricity meter's node id; M-Bus devices have their own (see `mbusNodeId`). */
export function meterNodeId(gatewayId: string, equipmentId: string | undefined): string {
  return equipmentId === undefined ? `dsmr:${gatewayId}/p1` : `dsmr:${equipmentId}`;
}

export function mbusNodeId(gatewayId: string, channel: number, equipmentId: string | undefined): string {
  return equipmentId === undefined ? `dsmr:${gatewayId}/mbus${channel}` : `dsmr:${equipmentId}`;
}

export function dsmrReading(
  context: TelegramContext,
  nodeId: string,
  measure: Measure,
  value: number,
  measuredAt: string,
  source: Readonly<Record<string, string>>,
): CanonicalReading {
  const qualifier = {
    ...(measure.phase !== undefined ? { phase: measure.phase } : {}),
    ...(measure.tariff !== undefined ? { tariff: measure.tariff } : {}),
  };
  return {
    sensorId: sensorIdFor(nodeId, undefined, measure.quantity, qualifier),
    nodeId,
    gatewayId: context.gatewayId,
    quantity: measure.quantity,
    unit: QUANTITY_UNITS[measure.quantity],
    value,
    measuredAt,
    receivedAt: context.receivedAt,
    ...qualifier,
    source: { protocol: 'dsmr', ...source, version: context.version },
  };
}
