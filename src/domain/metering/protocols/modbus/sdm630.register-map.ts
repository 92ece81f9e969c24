import type { RegisterMap } from './register-map.js';

/**
 * Eastron SDM630 (Modbus and MID V2 variants): input registers, float32 big-endian, addresses 0-based (register
 * 30001 is address 0). The meter refuses reads of more than 40 parameters (80 registers), so the wanted values are
 * read in two short blocks instead of one 76-register sweep. Power is signed: negative while exporting.
 * The SDM630MCT has a different map and is not covered by this one.
 */
export const SDM630_REGISTER_MAP: RegisterMap = {
  name: 'sdm630',
  description: 'Eastron SDM630 three-phase meter',
  registerKind: 'input',
  blocks: [
    { start: 0x00, count: 0x12 },
    { start: 0x34, count: 0x18 },
  ],
  points: [
    { address: 0x00, words: 2, type: 'float32', quantity: 'voltage', phase: 'L1' },
    { address: 0x02, words: 2, type: 'float32', quantity: 'voltage', phase: 'L2' },
    { address: 0x04, words: 2, type: 'float32', quantity: 'voltage', phase: 'L3' },
    { address: 0x06, words: 2, type: 'float32', quantity: 'current', phase: 'L1' },
    { address: 0x08, words: 2, type: 'float32', quantity: 'current', phase: 'L2' },
    { address: 0x0a, words: 2, type: 'float32', quantity: 'current', phase: 'L3' },
    { address: 0x0c, words: 2, type: 'float32', quantity: 'power', phase: 'L1' },
    { address: 0x0e, words: 2, type: 'float32', quantity: 'power', phase: 'L2' },
    { address: 0x10, words: 2, type: 'float32', quantity: 'power', phase: 'L3' },
    { address: 0x34, words: 2, type: 'float32', quantity: 'power' },
    { address: 0x46, words: 2, type: 'float32', quantity: 'frequency' },
    { address: 0x48, words: 2, type: 'float32', quantity: 'energyImported' },
    { address: 0x4a, words: 2, type: 'float32', quantity: 'energyExported' },
  ],
};
