import type { CanonicalReading } from '../../canonical-reading.js';
import { dsmrReading, mbusNodeId, type TelegramContext } from './dsmr-reading.js';
import { parseDsmrTimestamp } from './dsmr-timestamp.js';
import { canonicalValue } from './dsmr-units.js';
import { decodeEquipmentId } from './equipment-id.js';
import type { ObisLine } from './obis-lines.js';

/** M-Bus device type 3 is gas (7 water, 4 heat: no canonical quantity for those). */
const GAS_DEVICE_TYPE = 3;

interface MbusDevice {
  deviceType?: number;
  equipmentId?: string;
  reading?: { readonly obis: string; readonly timestamp: string; readonly value: string };
}

/**
 * The reading a line carries, as time stamp text and `value*unit` text:
 * - `0-n:24.2.1(ts)(value*m3)` (DSMR 4/5; e-MUCS uses it for water) and `0-n:24.2.3(ts)(value*m3)` (e-MUCS gas);
 * - `0-n:24.3.0(ts)(00)(60)(1)(0-n:24.2.1)(m3)` + `(value)` on the next line (DSMR 2.2/3.0).
 */
function readingOf(line: ObisLine): MbusDevice['reading'] {
  const { obis, values } = line;
  const [timestamp] = values;
  if (timestamp === undefined || values.length < 2) return undefined;
  if (obis.endsWith(':24.2.1') || obis.endsWith(':24.2.3')) return { obis, timestamp, value: values[1] ?? '' };
  if (!obis.endsWith(':24.3.0')) return undefined;
  const value = values[values.length - 1] ?? '';
  const unit = values.length >= 3 ? values[values.length - 2] : undefined;
  return { obis, timestamp, value: unit === undefined || value.includes('*') ? value : `${value}*${unit}` };
}

function devicesOf(lines: readonly ObisLine[]): Map<number, MbusDevice> {
  const devices = new Map<number, MbusDevice>();
  for (const line of lines) {
    if (line.channel === 0 || !line.obis.startsWith('0-')) continue;
    const device = devices.get(line.channel) ?? {};
    devices.set(line.channel, device);
    const register = line.obis.slice(line.obis.indexOf(':') + 1);
    if (register === '24.1.0') {
      const deviceType = Number.parseInt(line.values[0] ?? '', 10);
      if (!Number.isNaN(deviceType)) device.deviceType ??= deviceType;
    } else if (register === '96.1.0' || register === '96.1.1') device.equipmentId ??= decodeEquipmentId(line.values[0]);
    else device.reading ??= readingOf(line);
  }
  return devices;
}

/**
 * Gas readings, stamped with the gas meter's own time (it reports every 5 minutes or hourly, not every telegram).
 * Devices that are not gas, and placeholders some meters send before a gas meter has reported
 * (`632525252525W`), yield nothing rather than a refusal: the electricity readings of the same telegram are still good.
 */
export function gasReadings(lines: readonly ObisLine[], context: TelegramContext): CanonicalReading[] {
  const readings: CanonicalReading[] = [];
  for (const [channel, device] of [...devicesOf(lines)].sort(([a], [b]) => a - b)) {
    const { reading, deviceType } = device;
    if (!reading || (deviceType !== undefined && deviceType !== GAS_DEVICE_TYPE)) continue;
    const measuredAt = parseDsmrTimestamp(reading.timestamp);
    const value = canonicalValue(reading.value, 'gasVolume');
    if (measuredAt === undefined || !value.ok) continue;
    const nodeId = mbusNodeId(context.gatewayId, channel, device.equipmentId);
    readings.push(
      dsmrReading(context, nodeId, { quantity: 'gasVolume' }, value.value, measuredAt, { obis: reading.obis }),
    );
  }
  return readings;
}
