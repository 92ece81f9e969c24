import { crc16Arc, formatCrc } from '../src/domain/metering/protocols/dsmr/index.js';

/** Frame `seq` of a bench gateway carries variant `seq % VARIANTS`; the baseline rebuilds the same rows from it. */
export const VARIANTS = 100;

const zigbee2mqttTime = (seq: number): string => new Date(Date.UTC(2026, 0, 1) + seq * 10_000).toISOString();

/** zigbee2mqtt-shaped meter payloads, as the simulator sends them. */
export function benchPayloads(meterBase: number, count: number, seq: number): unknown[] {
  const at = zigbee2mqttTime(seq);
  return Array.from({ length: count }, (_, i) => ({
    kind: 'zigbee2mqtt',
    topic: `zigbee2mqtt/meter-${meterBase + i}`,
    message: {
      power: 200 + ((seq + i) % 900),
      energy: 1000 + seq / 100,
      voltage: 231.2,
      current: 1.3,
      linkquality: 140,
    },
    measuredAt: at,
  }));
}

const pad = (value: number, width: number, decimals: number): string => value.toFixed(decimals).padStart(width, '0');

/** The meter's local time of `second` as DSMR writes it; winter time: the meter's clock is UTC+1, marked W. */
function dsmrStamp(second: number): string {
  const t = new Date(Date.UTC(2026, 0, 1, 0, 0, 0) + second * 1000 + 3_600_000);
  return `${String(t.getUTCFullYear() % 100).padStart(2, '0')}${String(t.getUTCMonth() + 1).padStart(2, '0')}${String(t.getUTCDate()).padStart(2, '0')}${String(t.getUTCHours()).padStart(2, '0')}${String(t.getUTCMinutes()).padStart(2, '0')}${String(t.getUTCSeconds()).padStart(2, '0')}W`;
}

const withCrc = (body: string): string => `${body}${formatCrc(crc16Arc(body))}\r\n`;

/** A DSMR 5.0 three-phase telegram without its CRC: everything the checksum covers, up to and including the `!`. */
function telegramBody(meter: number, second: number): string {
  const stamp = dsmrStamp(second);
  const id = Buffer.from(`E0044007${String(meter).padStart(8, '0')}`)
    .toString('hex')
    .toUpperCase();
  const kw = 0.2 + ((second * 7 + meter) % 40) / 10;
  const lines = [
    '1-3:0.2.8(50)',
    `0-0:1.0.0(${stamp})`,
    `0-0:96.1.1(${id})`,
    `1-0:1.8.1(${pad(1200 + second / 3600, 10, 3)}*kWh)`,
    `1-0:1.8.2(${pad(900 + second / 7200, 10, 3)}*kWh)`,
    '1-0:2.8.1(000150.120*kWh)',
    '1-0:2.8.2(000075.004*kWh)',
    '0-0:96.14.0(0002)',
    `1-0:1.7.0(${pad(kw, 6, 3)}*kW)`,
    '1-0:2.7.0(00.000*kW)',
    '1-0:32.7.0(230.1*V)',
    '1-0:52.7.0(231.4*V)',
    '1-0:72.7.0(229.8*V)',
    `1-0:31.7.0(${pad(kw * 1.5, 3, 0)}*A)`,
    '1-0:51.7.0(001*A)',
    '1-0:71.7.0(002*A)',
    `1-0:21.7.0(${pad(kw / 3, 6, 3)}*kW)`,
    `1-0:41.7.0(${pad(kw / 3, 6, 3)}*kW)`,
    `1-0:61.7.0(${pad(kw / 3, 6, 3)}*kW)`,
    '1-0:22.7.0(00.000*kW)',
    '1-0:42.7.0(00.000*kW)',
    '1-0:62.7.0(00.000*kW)',
    '0-1:24.1.0(003)',
    `0-1:96.1.0(${Buffer.from(`G0044007${String(meter).padStart(8, '0')}`)
      .toString('hex')
      .toUpperCase()})`,
    `0-1:24.2.1(${stamp})(${pad(3000 + second / 36000, 9, 3)}*m3)`,
  ];
  return ['/ISk5\\2MT382-1000', '', ...lines, '!'].join('\r\n');
}

/** P1 telegrams of `count` meters behind one gateway (e.g. a building's meter cupboard), one second's worth. */
export function benchTelegrams(meterBase: number, count: number, seq: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'dsmr',
    telegram: withCrc(telegramBody(meterBase + i, seq)),
  }));
}

/** Even-numbered bench gateways are zigbee2mqtt bridges, odd ones DSMR P1 readers. */
export function benchNetworkType(gatewayIndex: number): 'zigbee2mqtt' | 'dsmr' {
  return gatewayIndex % 2 === 0 ? 'zigbee2mqtt' : 'dsmr';
}

export function benchFramePayloads(gatewayIndex: number, payloadsPerFrame: number, seq: number): unknown[] {
  return benchNetworkType(gatewayIndex) === 'dsmr'
    ? benchTelegrams(gatewayIndex * 1000, Math.max(1, Math.round(payloadsPerFrame / 5)), seq)
    : benchPayloads(gatewayIndex * 1000, payloadsPerFrame, seq);
}

/**
 * Frame `seq` of gateway `gatewayIndex` as the load process sends it, serialised. Frames repeat variant
 * `seq % VARIANTS` but with their own time (and DSMR checksum), so every frame carries new readings in time order, as
 * a meter's do: a projection fed these events folds fresh readings rather than re-deliveries. The first VARIANTS
 * frames are exactly `benchFramePayloads`; later ones differ only in their times, so event rows keep their size.
 */
export function benchFrameMaker(gatewayIndex: number, payloadsPerFrame: number): (seq: number) => string {
  if (benchNetworkType(gatewayIndex) === 'zigbee2mqtt') {
    const parts = Array.from({ length: VARIANTS }, (_, v) =>
      JSON.stringify(benchFramePayloads(gatewayIndex, payloadsPerFrame, v)).split(zigbee2mqttTime(v)),
    );
    return (seq) => parts[seq % VARIANTS]!.join(zigbee2mqttTime(seq));
  }
  const count = Math.max(1, Math.round(payloadsPerFrame / 5));
  const bodies = Array.from({ length: VARIANTS }, (_, v) =>
    Array.from({ length: count }, (_, i) => telegramBody(gatewayIndex * 1000 + i, v).split(dsmrStamp(v))),
  );
  return (seq) => {
    const stamp = dsmrStamp(seq);
    return JSON.stringify(
      bodies[seq % VARIANTS]!.map((parts) => ({ kind: 'dsmr', telegram: withCrc(parts.join(stamp)) })),
    );
  };
}
