import { MODBUS_ADDRESS_SPACE, MODBUS_MAX_READ_REGISTERS } from './register-map.js';

/** The registers one read returned, in order from `start`. */
export interface ModbusBlock {
  readonly start: number;
  readonly words: readonly number[];
}

/** What the agent's poller sends for one poll of one meter. */
export interface ModbusPayload {
  readonly kind: 'modbus';
  /** Register map name, e.g. `sdm630`. */
  readonly map: string;
  readonly unitId: number;
  /** The meter as the gateway names it: `host:port` or a configured name. Part of the node id, so no `/`. */
  readonly device: string;
  readonly blocks: readonly ModbusBlock[];
  /** ISO-8601: when the gateway polled. */
  readonly measuredAt?: string;
}

export type PayloadCheck =
  | { readonly ok: true; readonly payload: ModbusPayload }
  | { readonly ok: false; readonly reason: 'malformed_payload' | 'malformed_blocks'; readonly message: string };

/** A meter's payload never needs more reads than this; the cap keeps a hostile payload from costing much. */
export const MAX_BLOCKS_PER_PAYLOAD = 64;
const DEVICE = /^[^/\s]{1,128}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A device name fits in a node id: no `/` (the separator) and no whitespace. */
export function isModbusDeviceName(value: unknown): value is string {
  return typeof value === 'string' && DEVICE.test(value);
}

function malformed(message: string): PayloadCheck {
  return { ok: false, reason: 'malformed_payload', message };
}

function isWord(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffff;
}

function blockProblem(block: unknown, index: number): string | null {
  if (typeof block !== 'object' || block === null || Array.isArray(block)) return `block ${index} is not an object`;
  const { start, words } = block as { start?: unknown; words?: unknown };
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start >= MODBUS_ADDRESS_SPACE) {
    return `block ${index} start must be a register address 0-65535`;
  }
  if (!Array.isArray(words) || words.length === 0 || words.length > MODBUS_MAX_READ_REGISTERS) {
    return `block ${index} words must be an array of 1-${MODBUS_MAX_READ_REGISTERS} registers`;
  }
  if (start + words.length > MODBUS_ADDRESS_SPACE) return `block ${index} runs past register 65535`;
  const bad = words.findIndex((w) => !isWord(w));
  if (bad >= 0) return `block ${index} word ${bad} is not an unsigned 16-bit integer`;
  return null;
}

/** Shape checks only; whether the map is known and its registers present is the decoder's business. */
export function checkModbusPayload(payload: Readonly<Record<string, unknown>>): PayloadCheck {
  const { kind, map, unitId, device, blocks, measuredAt } = payload;
  if (kind !== 'modbus') return malformed(`kind must be "modbus" (got ${JSON.stringify(kind) ?? 'nothing'})`);
  if (typeof map !== 'string' || map === '') return malformed('map must name a register map');
  if (typeof unitId !== 'number' || !Number.isInteger(unitId) || unitId < 0 || unitId > 255) {
    return malformed(`unitId must be an integer 0-255 (got ${JSON.stringify(unitId) ?? 'nothing'})`);
  }
  if (!isModbusDeviceName(device)) {
    return malformed('device must be 1-128 characters without "/" or whitespace');
  }
  if (
    measuredAt !== undefined &&
    !(typeof measuredAt === 'string' && ISO_DATE_TIME.test(measuredAt) && Number.isFinite(Date.parse(measuredAt)))
  ) {
    return malformed(`measuredAt must be an ISO-8601 date-time (got ${JSON.stringify(measuredAt)})`);
  }
  if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > MAX_BLOCKS_PER_PAYLOAD) {
    return {
      ok: false,
      reason: 'malformed_blocks',
      message: `blocks must be an array of 1-${MAX_BLOCKS_PER_PAYLOAD} register blocks`,
    };
  }
  for (const [index, block] of (blocks as unknown[]).entries()) {
    const problem = blockProblem(block, index);
    if (problem !== null) return { ok: false, reason: 'malformed_blocks', message: problem };
  }
  return {
    ok: true,
    payload: {
      kind,
      map,
      unitId,
      device,
      blocks: blocks as ModbusBlock[],
      ...(measuredAt !== undefined ? { measuredAt: measuredAt as string } : {}),
    },
  };
}
