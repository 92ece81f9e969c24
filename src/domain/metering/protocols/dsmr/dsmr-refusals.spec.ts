import type { DecodeOutcome } from '../payload-decoder.js';
import { dsmrDecoder } from './dsmr.decoder.js';
import {
  DSMR42_WITH_GAS,
  EMUCS_FLUVIUS,
  PUBLISHED_TELEGRAMS,
  withComputedCrc,
} from '#test/fixtures/telegram.fixtures.js';

const context = { gatewayId: 'gw-1', receivedAt: '2024-05-01T12:00:00.000Z' };
const decode = (payload: Record<string, unknown>): DecodeOutcome => dsmrDecoder.decode(payload, context);
const decodeTelegram = (telegram: string): DecodeOutcome => decode({ kind: 'dsmr', telegram });

function refusal(outcome: DecodeOutcome): { reason: string; message: string } {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.readings.length} readings`);
  return { reason: outcome.reason, message: outcome.message };
}

describe('dsmrDecoder refusals', () => {
  it('refuses a telegram whose content no longer matches its checksum, with no readings at all', () => {
    const outcome = decodeTelegram(DSMR42_WITH_GAS.replace('1-0:1.8.1(003235.689*kWh)', '1-0:1.8.1(003235.688*kWh)'));
    expect(outcome).not.toHaveProperty('readings');
    const { reason, message } = refusal(outcome);
    expect(reason).toBe('bad_crc');
    expect(message).toMatch(/^checksum mismatch: the telegram says BB2A, its content gives [0-9A-F]{4}$/);
    expect(message).not.toMatch(/gives BB2A/);
  });

  it('refuses a checksum that is not the one the content gives, even when the content is fine', () => {
    expect(refusal(decodeTelegram(EMUCS_FLUVIUS.replace('!FCCF', '!FCCE'))).message).toBe(
      'checksum mismatch: the telegram says FCCE, its content gives FCCF',
    );
  });

  it.each([
    ['DSMR 4.2', DSMR42_WITH_GAS.replace('!BB2A', '!'), /version 42 telegram/],
    ['e-MUCS', EMUCS_FLUVIUS.replace('!FCCF', '!'), /version 50217 telegram/],
  ])('refuses a %s telegram without its checksum', (_name, telegram, message) => {
    const { reason, message: text } = refusal(decodeTelegram(telegram));
    expect(reason).toBe('missing_crc');
    expect(text).toMatch(message);
  });

  it('refuses an unreadable meter time stamp rather than guessing a time', () => {
    const telegram = withComputedCrc('/ABC5 test', [
      '1-3:0.2.8(50)',
      '0-0:1.0.0(241340120000W)',
      '1-0:1.8.1(000001.000*kWh)',
    ]);
    expect(refusal(decodeTelegram(telegram))).toEqual({
      reason: 'bad_timestamp',
      message: '0-0:1.0.0: "241340120000W" is not a YYMMDDhhmmss[W|S] time stamp',
    });
  });

  it.each([
    ['1-0:1.8.1(000012.300*V)', '1-0:1.8.1: unit "V" in "000012.300*V" cannot express energyImported (kWh)'],
    ['1-0:1.7.0(12,5*kW)', '1-0:1.7.0: "12,5*kW" is not a decimal number'],
    ['1-0:32.7.0(230.1*kV)', '1-0:32.7.0: unit "kV" in "230.1*kV" cannot express voltage (V)'],
  ])('refuses a known register it cannot read: %s', (line, message) => {
    const telegram = withComputedCrc('/ABC5 test', ['1-3:0.2.8(50)', '0-0:1.0.0(240501120000S)', line]);
    expect(refusal(decodeTelegram(telegram))).toEqual({ reason: 'bad_value', message });
  });

  it.each([
    [{ kind: 'dsmr' }, 'payload.telegram must be the telegram text (got nothing)'],
    [{ kind: 'dsmr', telegram: 42 }, 'payload.telegram must be the telegram text (got number)'],
    [{ kind: 'dsmr', obis: '1-0:1.8.1', value: 1 }, 'payload.telegram must be the telegram text (got nothing)'],
    [{ kind: 'modbus', telegram: DSMR42_WITH_GAS }, 'payload kind must be "dsmr" (got "modbus")'],
  ])('refuses payload %j as missing_field', (payload, message) => {
    expect(refusal(decode(payload))).toEqual({ reason: 'missing_field', message });
  });

  it('refuses text that is not a telegram', () => {
    expect(refusal(decodeTelegram('hello')).reason).toBe('not_a_telegram');
  });

  it('never throws, whatever prefix or single-character corruption of a telegram it gets', () => {
    for (const telegram of Object.values(PUBLISHED_TELEGRAMS)) {
      for (let cut = 0; cut <= telegram.length; cut++) {
        const outcome = decodeTelegram(telegram.slice(0, cut));
        expect(typeof outcome.ok).toBe('boolean');
      }
      for (let at = 0; at < telegram.length; at += 7) {
        const corrupted = `${telegram.slice(0, at)}(${telegram.slice(at + 1)}`;
        const outcome = decodeTelegram(corrupted);
        // Any change the checksum covers is caught; one outside it (the checksum itself) too.
        if (corrupted !== telegram) expect(outcome.ok).toBe(false);
      }
    }
  });
});
