import { QUANTITY_UNITS, sensorIdFor, type CanonicalReading } from '../../canonical-reading.js';
import { decoded, refused, type DecodeContext, type DecodeOutcome, type PayloadDecoder } from '../payload-decoder.js';
import { float32FromWords } from './float32-words.js';
import { checkModbusPayload, type ModbusBlock } from './modbus-payload.js';
import type { RegisterMap, RegisterPoint } from './register-map.js';
import { registerMapNames, registerMapNamed } from './register-maps.js';

/** Where the decoder finds register maps by name. */
export interface RegisterMapCatalog {
  named(name: string): RegisterMap | undefined;
  names(): string[];
}

/** Modbus has no hardware id a server could trust, so the meter is named within its gateway. */
export function modbusNodeId(gatewayId: string, device: string, unitId: number): string {
  return `modbus:${gatewayId}/${device}/${unitId}`;
}

type RegisterFile = ReadonlyMap<number, number>;

/** Address → word over all blocks; null when two blocks disagree about one register. */
function registerFile(blocks: readonly ModbusBlock[]): RegisterFile | null {
  const registers = new Map<number, number>();
  for (const block of blocks) {
    for (const [offset, word] of block.words.entries()) {
      const address = block.start + offset;
      const known = registers.get(address);
      if (known !== undefined && known !== word) return null;
      registers.set(address, word);
    }
  }
  return registers;
}

/** The point's raw value, or undefined when one of its registers was not read. */
function rawValue(point: RegisterPoint, registers: RegisterFile): number | undefined {
  switch (point.type) {
    case 'float32': {
      const high = registers.get(point.address);
      const low = registers.get(point.address + 1);
      return high === undefined || low === undefined ? undefined : float32FromWords(high, low);
    }
    default: {
      const unknownType: never = point.type;
      return unknownType;
    }
  }
}

function decodeModbus(
  catalog: RegisterMapCatalog,
  payload: Readonly<Record<string, unknown>>,
  context: DecodeContext,
): DecodeOutcome {
  const check = checkModbusPayload(payload);
  if (!check.ok) return refused(check.reason, check.message);
  const { map: mapName, unitId, device, blocks, measuredAt } = check.payload;
  const map = catalog.named(mapName);
  if (!map)
    return refused('unknown_map', `register map "${mapName}" is not known; known: ${catalog.names().join(', ')}`);
  const registers = registerFile(blocks);
  if (!registers) return refused('malformed_blocks', 'two blocks hold different values for the same register');
  const missing = map.points.filter((point) => rawValue(point, registers) === undefined).map((point) => point.address);
  if (missing.length > 0) {
    return refused(
      'missing_registers',
      `map "${map.name}" needs register(s) ${missing.join(', ')} that the payload lacks`,
    );
  }
  const nodeId = modbusNodeId(context.gatewayId, device, unitId);
  const at = measuredAt === undefined ? context.receivedAt : new Date(measuredAt).toISOString();
  const readings: CanonicalReading[] = [];
  for (const point of map.points) {
    const value = (rawValue(point, registers) ?? Number.NaN) * (point.scale ?? 1);
    // A meter answers NaN for a value it cannot measure (e.g. a phase the wiring mode lacks): no reading, not a zero.
    if (!Number.isFinite(value)) continue;
    const qualifier = point.phase ? { phase: point.phase } : {};
    readings.push({
      sensorId: sensorIdFor(nodeId, undefined, point.quantity, qualifier),
      nodeId,
      gatewayId: context.gatewayId,
      quantity: point.quantity,
      unit: QUANTITY_UNITS[point.quantity],
      value,
      measuredAt: at,
      receivedAt: context.receivedAt,
      ...qualifier,
      source: { protocol: 'modbus', map: map.name, register: point.address },
    });
  }
  return decoded(readings);
}

/** Polled register blocks (`{ kind: 'modbus', map, unitId, device, blocks, measuredAt }`) → canonical readings. */
export function createModbusDecoder(catalog: RegisterMapCatalog): PayloadDecoder {
  return {
    protocol: 'modbus',
    decode(payload, context) {
      return decodeModbus(catalog, payload, context);
    },
  };
}

/** The decoder over every register map this module ships. */
export const modbusDecoder: PayloadDecoder = createModbusDecoder({ named: registerMapNamed, names: registerMapNames });
