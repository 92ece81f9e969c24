const SCALED: Record<string, readonly [string, string]> = { W: ['W', 'kW'], kWh: ['kWh', 'MWh'], Wh: ['Wh', 'kWh'] };

/** Value with its unit, scaled by 1000 once it gets large (W → kW, kWh → MWh). */
export function quantity(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const units = SCALED[unit];
  if (units && Math.abs(value) >= 10_000)
    return `${(value / 1000).toLocaleString(undefined, { maximumFractionDigits: 2 })} ${units[1]}`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString(undefined, { maximumFractionDigits: digits })} ${unit === '1' ? '' : unit}`.trim();
}

/** "8 s ago", "3 min ago"; `now` is passed in so a ticking clock drives the re-render. */
export function ago(iso: string | null | undefined, now: number): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} d ago`;
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A friendly name from a sensor id until sensors carry names: the protocol prefix and a gateway's UUID (which
 * scopes ids of protocols without global ones) are dropped, `zigbee2mqtt:<uuid>/meter-1/power` → `meter-1 · power`.
 */
export function sensorLabel(sensorId: string): string {
  const [node = sensorId, ...rest] = sensorId.split('/');
  const short = node.replace(/^[a-z0-9]+:/, '');
  const parts =
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(short) && rest.length > 0
      ? rest
      : [short, ...rest];
  return parts.join(' · ');
}
