import type { RegisterMap } from './register-map.js';
import { SDM630_REGISTER_MAP } from './sdm630.register-map.js';

/** Every meter model the Modbus module knows, by the name a gateway's settings and payloads use. */
const REGISTER_MAPS: ReadonlyMap<string, RegisterMap> = new Map([SDM630_REGISTER_MAP].map((map) => [map.name, map]));

export function registerMapNamed(name: string): RegisterMap | undefined {
  return REGISTER_MAPS.get(name);
}

export function registerMapNames(): string[] {
  return [...REGISTER_MAPS.keys()].sort();
}
