/**
 * CRC-16/ARC (polynomial 0x8005 bit-reflected to 0xA001, initial value 0, no final xor): the checksum DSMR 4+, 5
 * and e-MUCS meters append after '!'. Computed over the telegram from '/' through '!' inclusive.
 */
const TABLE: readonly number[] = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  return crc;
});

/**
 * Telegrams are ASCII; the agent decodes serial bytes as latin1, so each character's code is one byte. A character
 * above 0xFF cannot have come from the meter, and its low byte makes the checksum fail as it should.
 */
export function crc16Arc(text: string): number {
  let crc = 0;
  for (let i = 0; i < text.length; i++) {
    crc = (crc >>> 8) ^ (TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0);
  }
  return crc;
}

/** The checksum as a meter writes it: four upper-case hex digits. */
export function formatCrc(crc: number): string {
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
