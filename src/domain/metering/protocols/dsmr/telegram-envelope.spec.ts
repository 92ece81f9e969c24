import { parseObisLines } from './obis-lines.js';
import { MAX_TELEGRAM_CHARS, crcStatus, readEnvelope } from './telegram-envelope.js';
import { DSMR22_WITH_GAS, DSMR42_WITH_GAS } from '#test/fixtures/telegram.fixtures.js';

describe('readEnvelope', () => {
  it('splits off the checksummed body, the header and the stated checksum', () => {
    const outcome = readEnvelope(DSMR42_WITH_GAS);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.envelope.header).toBe('XMX5LGBBFG1009325446');
    expect(outcome.envelope.body.startsWith('/XMX5')).toBe(true);
    expect(outcome.envelope.body.endsWith('(01091.352*m3)\r\n!')).toBe(true);
    expect(outcome.envelope.crc).toEqual({ expected: 'BB2A', computed: 'BB2A' });
  });

  it('accepts line ends before the telegram and a lower-case checksum', () => {
    const outcome = readEnvelope(`\r\n\r\n${DSMR42_WITH_GAS.replace('!BB2A', '!bb2a')}`);
    expect(outcome.ok && outcome.envelope.crc).toEqual({ expected: 'BB2A', computed: 'BB2A' });
  });

  it('has no expected checksum for a DSMR 2.2 telegram ending in a bare "!"', () => {
    const outcome = readEnvelope(DSMR22_WITH_GAS);
    expect(outcome.ok && outcome.envelope.crc.expected).toBeUndefined();
  });

  it.each([
    ['', 'not_a_telegram', /starts with '\/'/],
    ['1-0:1.8.1(000001.000*kWh)\r\n!', 'not_a_telegram', /starts with '\/'/],
    ['/XMX5LGBBFG1009325446\r\n\r\n1-0:1.8.1(000001.000*kWh)\r\n', 'not_a_telegram', /no '!' end marker/],
    ['/hello world\r\n!', 'not_a_telegram', /first line must be \/XXX5/],
    ['/XMX5!', 'not_a_telegram', /first line must be \/XXX5/],
    ['/XMX5LGBBFG1009325446\r\n!BB2\r\n', 'bad_crc', /4 hex digits \(got "BB2\\r\\n"\)/],
    ['/XMX5LGBBFG1009325446\r\n!BB2A trailing', 'bad_crc', /4 hex digits/],
  ])('refuses %j as %s', (text, reason, message) => {
    const outcome = readEnvelope(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toBe(reason);
      expect(outcome.message).toMatch(message);
    }
  });

  it('refuses more than MAX_TELEGRAM_CHARS without looking further', () => {
    const outcome = readEnvelope(`/XMX5L\r\n${'1'.repeat(MAX_TELEGRAM_CHARS)}!`);
    expect(outcome.ok ? 'ok' : outcome.reason).toBe('too_large');
  });
});

describe('crcStatus', () => {
  it('tells valid, absent, mismatching and malformed telegrams apart', () => {
    expect(crcStatus(DSMR42_WITH_GAS)).toBe('valid');
    expect(crcStatus(DSMR22_WITH_GAS)).toBe('absent');
    expect(crcStatus(DSMR42_WITH_GAS.replace('01091.352', '01091.353'))).toBe('mismatch');
    expect(crcStatus('garbage')).toBe('malformed');
  });
});

describe('parseObisLines', () => {
  it('joins the DSMR 2.2 gas value on the next line to its 24.3.0 object', () => {
    const { lines } = parseObisLines(DSMR22_WITH_GAS);
    expect(lines.find((line) => line.obis === '0-1:24.3.0')).toEqual({
      obis: '0-1:24.3.0',
      channel: 1,
      values: ['161107190000', '00', '60', '1', '0-1:24.2.1', 'm3', '00001.001'],
    });
    expect(lines.map((line) => line.obis)).toContain('0-1:24.4.0');
  });

  it('normalises a trailing .255 and leading zeros, and counts lines it cannot read', () => {
    const body = '/ABC5 test\r\n\r\n1-0:31.7.0.255(001*A)\r\n01-00:021.07.00(01.111*kW)\r\nvendor text\r\n!';
    const { lines, ignored } = parseObisLines(body);
    expect(lines).toEqual([
      { obis: '1-0:31.7.0', channel: 0, values: ['001*A'] },
      { obis: '1-0:21.7.0', channel: 0, values: ['01.111*kW'] },
    ]);
    expect(ignored).toBe(1);
  });

  it('reads every value of a multi-value object, empty ones included', () => {
    const { lines } = parseObisLines(
      '/ABC5\r\n1-0:99.97.0(1)(0-0:96.7.19)(180417201458S)(0000000236*s)\r\n0-0:96.13.0()\r\n!',
    );
    expect(lines.map((line) => line.values)).toEqual([['1', '0-0:96.7.19', '180417201458S', '0000000236*s'], ['']]);
  });
});
