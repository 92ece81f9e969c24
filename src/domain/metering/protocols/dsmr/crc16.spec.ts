import { crc16Arc, formatCrc } from './crc16.js';
import { PUBLISHED_TELEGRAMS } from '#test/fixtures/telegram.fixtures.js';

describe('crc16Arc', () => {
  it('gives the CRC-16/ARC catalogue check value for "123456789"', () => {
    expect(crc16Arc('123456789')).toBe(0xbb3d);
  });

  it('starts from 0 (an empty text hashes to the initial value)', () => {
    expect(crc16Arc('')).toBe(0);
  });

  it.each(Object.entries(PUBLISHED_TELEGRAMS))('reproduces the checksum %s was published with', (_name, telegram) => {
    const bang = telegram.indexOf('!');
    const published = telegram.slice(bang + 1, bang + 5);
    expect(published).toMatch(/^[0-9A-F]{4}$/);
    expect(formatCrc(crc16Arc(telegram.slice(0, bang + 1)))).toBe(published);
  });

  it('changes when a single digit of a reading changes', () => {
    const telegram = PUBLISHED_TELEGRAMS.DSMR42_WITH_GAS ?? '';
    const body = telegram.slice(0, telegram.indexOf('!') + 1);
    expect(crc16Arc(body.replace('003235.689', '003235.688'))).not.toBe(crc16Arc(body));
  });

  it('writes four upper-case hex digits', () => {
    expect(formatCrc(0x0a)).toBe('000A');
    expect(formatCrc(0xef2f)).toBe('EF2F');
  });
});
