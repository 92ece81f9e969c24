import type { Phase, Quantity } from '../../canonical-reading.js';

/** The protocol's ceiling for one read (function codes 3 and 4 answer at most 125 registers). */
export const MODBUS_MAX_READ_REGISTERS = 125;
/** Register addresses are 16-bit. */
export const MODBUS_ADDRESS_SPACE = 0x10000;

/** Input registers are read with function code 4, holding registers with function code 3. */
export type RegisterKind = 'input' | 'holding';

/** One read request: `count` consecutive registers from `start` (0-based protocol address, not the 3xxxx label). */
export interface RegisterBlock {
  readonly start: number;
  readonly count: number;
}

/**
 * One value on the meter. Only IEEE-754 float32 in two big-endian registers (high word first) exists so far: it is
 * what the Eastron family uses. Other encodings join the `type` union and the decoder's switch.
 */
export interface RegisterPoint {
  readonly address: number;
  readonly words: 2;
  readonly type: 'float32';
  readonly quantity: Quantity;
  readonly phase?: Phase;
  /** Multiplies the raw value into the quantity's canonical unit (e.g. 0.001 for a Wh register). Default 1. */
  readonly scale?: number;
}

/** What to poll on one meter model and what each register means: data, so adding a model needs no code. */
export interface RegisterMap {
  readonly name: string;
  readonly description: string;
  readonly registerKind: RegisterKind;
  readonly blocks: readonly RegisterBlock[];
  readonly points: readonly RegisterPoint[];
}

/** A point's name within its meter, e.g. `voltage.L1` or `energyImported`; also the tail of its sensor id. */
export function pointKey(point: Pick<RegisterPoint, 'quantity' | 'phase'>): string {
  return point.phase ? `${point.quantity}.${point.phase}` : point.quantity;
}

function isAddress(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < MODBUS_ADDRESS_SPACE;
}

/**
 * Everything wrong with a map, one line each (empty when it is usable): blocks that a meter could not answer in one
 * read, points outside every block (they would never be polled), and two points that would share a sensor id.
 */
export function registerMapProblems(map: RegisterMap): string[] {
  const problems: string[] = [];
  if (map.blocks.length === 0) problems.push(`${map.name}: no blocks to read`);
  for (const block of map.blocks) {
    const label = `${map.name}: block ${block.start}+${block.count}`;
    if (!isAddress(block.start)) problems.push(`${label} starts outside the 16-bit address space`);
    if (!Number.isInteger(block.count) || block.count < 1 || block.count > MODBUS_MAX_READ_REGISTERS) {
      problems.push(`${label} must read 1 to ${MODBUS_MAX_READ_REGISTERS} registers`);
    } else if (block.start + block.count > MODBUS_ADDRESS_SPACE) {
      problems.push(`${label} runs past the 16-bit address space`);
    }
  }
  const keys = new Set<string>();
  for (const point of map.points) {
    const key = pointKey(point);
    const label = `${map.name}: point ${key} at ${point.address}`;
    if (!isAddress(point.address)) problems.push(`${label} is outside the 16-bit address space`);
    const covered = map.blocks.some(
      (b) => point.address >= b.start && point.address + point.words <= b.start + b.count,
    );
    if (!covered) problems.push(`${label} is not inside one block`);
    if (point.scale !== undefined && !(Number.isFinite(point.scale) && point.scale !== 0)) {
      problems.push(`${label} has a scale that is not a finite non-zero number`);
    }
    if (keys.has(key)) problems.push(`${label} repeats a quantity and phase already mapped`);
    keys.add(key);
  }
  return problems;
}
