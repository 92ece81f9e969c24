/**
 * The one reading format every protocol module produces. Units are fixed per quantity so that consumers never
 * convert: a DSMR kW value, a ZigBee W value with a divisor and a Modbus float all arrive here as W.
 */
export const QUANTITY_UNITS = {
  /** Active power; positive = import, negative = export. */
  power: 'W',
  /** Cumulative counter; `tariff` 1/2 where the meter splits it. */
  energyImported: 'kWh',
  energyExported: 'kWh',
  voltage: 'V',
  current: 'A',
  frequency: 'Hz',
  /** Cumulative; measuredAt is the meter's own timestamp. */
  gasVolume: 'm3',
  temperature: 'Cel',
  /** 1 = on, 0 = off. */
  switchState: '1',
} as const;

export type Quantity = keyof typeof QUANTITY_UNITS;
export type Unit = (typeof QUANTITY_UNITS)[Quantity];
export type Phase = 'L1' | 'L2' | 'L3';
export type Protocol = 'zigbee' | 'zigbee2mqtt' | 'dsmr' | 'modbus';

export const QUANTITIES = Object.keys(QUANTITY_UNITS) as Quantity[];

export function isQuantity(value: unknown): value is Quantity {
  return typeof value === 'string' && Object.hasOwn(QUANTITY_UNITS, value);
}

/** Where the reading came from in the native protocol, for debugging; JSON primitives only. */
export interface ReadingSource {
  readonly protocol: Protocol;
  readonly [detail: string]: string | number | boolean;
}

export interface ReadingPosition {
  readonly lat: number;
  readonly lon: number;
  readonly label?: string;
}

export interface CanonicalReading {
  /** Stable per physical source: the node id + endpoint/channel + quantity (+ phase/tariff). */
  readonly sensorId: string;
  /** Globally unique: `<protocol>:<hardware id>`, gateway-scoped where the protocol has no global id. */
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly quantity: Quantity;
  readonly unit: Unit;
  readonly value: number;
  /** ISO-8601, UTC. The device's own time where it reports one, else the gateway's time of receipt. */
  readonly measuredAt: string;
  /** ISO-8601, UTC: when the server received the frame. */
  readonly receivedAt: string;
  readonly position?: ReadingPosition;
  readonly phase?: Phase;
  readonly tariff?: 1 | 2;
  readonly source: ReadingSource;
}

/** The sensor id convention every protocol module follows: node, then channel, then what is measured. */
export function sensorIdFor(
  nodeId: string,
  channel: string | number | undefined,
  quantity: Quantity,
  qualifier: { readonly phase?: Phase; readonly tariff?: 1 | 2 } = {},
): string {
  const parts = [nodeId];
  if (channel !== undefined && channel !== '') parts.push(String(channel));
  parts.push(
    quantity + (qualifier.phase ? `.${qualifier.phase}` : '') + (qualifier.tariff ? `.t${qualifier.tariff}` : ''),
  );
  return parts.join('/');
}
