import { dsmrDecoder } from './dsmr.decoder.js';
import { TelegramFramer } from './telegram-framer.js';
import {
  DSMR22_WITH_GAS,
  DSMR42_WITH_GAS,
  DSMR50_THREE_PHASE_GAS,
  EMUCS_FLUVIUS,
} from '#test/fixtures/telegram.fixtures.js';

/** The telegram as the framer answers it: '/' through the checksum, without the final line end. */
const framed = (telegram: string): string => telegram.trimEnd();

function feed(framer: TelegramFramer, stream: string, chunkSizes: readonly number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; at < stream.length; i++) {
    const size = chunkSizes[i % chunkSizes.length] ?? 1;
    out.push(...framer.push(stream.slice(at, at + size)));
    at += size;
  }
  return out;
}

describe('TelegramFramer', () => {
  const stream = DSMR42_WITH_GAS + EMUCS_FLUVIUS + DSMR22_WITH_GAS + DSMR50_THREE_PHASE_GAS;
  const expected = [DSMR42_WITH_GAS, EMUCS_FLUVIUS, DSMR22_WITH_GAS, DSMR50_THREE_PHASE_GAS].map(framed);

  it.each([[[1]], [[2]], [[7, 3, 64]], [[1000]], [[stream.length]]])(
    'frames the same telegrams for chunk sizes %j',
    (sizes) => {
      const framer = new TelegramFramer();
      expect(feed(framer, stream, sizes)).toEqual(expected);
      expect(framer.stats).toEqual({ telegrams: 4, discardedChars: 0, restarted: 0, oversized: 0 });
    },
  );

  it('completes a telegram as soon as its 4 checksum digits are in, without waiting for the line end', () => {
    const framer = new TelegramFramer();
    const text = framed(DSMR42_WITH_GAS);
    expect(framer.push(text.slice(0, -1))).toEqual([]);
    expect(framer.push(text.slice(-1))).toEqual([text]);
  });

  it('completes a DSMR 2.2 telegram once the character after its bare "!" arrives', () => {
    const framer = new TelegramFramer();
    const text = framed(DSMR22_WITH_GAS);
    expect(framer.push(text)).toEqual([]);
    expect(framer.push('\r\n')).toEqual([text]);
  });

  it('skips noise before "/" and counts it', () => {
    const framer = new TelegramFramer();
    const noise = '\x00\xff~~garbage 1-0:1.8.1(000001.000*kWh)\r\n!ABCD\r\n';
    expect(feed(framer, noise + DSMR42_WITH_GAS, [5])).toEqual([framed(DSMR42_WITH_GAS)]);
    expect(framer.stats.discardedChars).toBe(noise.replace(/\s/g, '').length);
  });

  it('drops a cut-off telegram when the next one starts, and frames the next one whole', () => {
    const framer = new TelegramFramer();
    const cut = DSMR50_THREE_PHASE_GAS.slice(0, 300);
    expect(feed(framer, cut + EMUCS_FLUVIUS, [11])).toEqual([framed(EMUCS_FLUVIUS)]);
    expect(framer.stats).toMatchObject({ telegrams: 1, restarted: 1, discardedChars: 300 });
  });

  it('drops a telegram that outgrows the bound, then resynchronises on the next "/"', () => {
    const framer = new TelegramFramer(2048);
    const endless = `/XMX5 runaway\r\n${'1-0:1.8.1(000001.000*kWh)\r\n'.repeat(200)}`;
    expect(feed(framer, endless + DSMR42_WITH_GAS, [512])).toEqual([framed(DSMR42_WITH_GAS)]);
    expect(framer.stats.oversized).toBe(1);
  });

  it('forgets a partial telegram on reset', () => {
    const framer = new TelegramFramer();
    framer.push(DSMR42_WITH_GAS.slice(0, 100));
    framer.reset();
    expect(framer.push(DSMR42_WITH_GAS.slice(100))).toEqual([]);
    expect(framer.push(EMUCS_FLUVIUS)).toEqual([framed(EMUCS_FLUVIUS)]);
  });

  it('hands the decoder telegrams it accepts', () => {
    const framer = new TelegramFramer();
    const context = { gatewayId: 'gw-1', receivedAt: '2024-05-01T12:00:00.000Z' };
    const outcomes = feed(framer, stream, [13]).map(
      (telegram) => dsmrDecoder.decode({ kind: 'dsmr', telegram }, context).ok,
    );
    expect(outcomes).toEqual([true, true, true, true]);
  });
});
