/** zigbee2mqtt's default `mqtt.base_topic`. */
export const DEFAULT_BASE_TOPIC = 'zigbee2mqtt';

/** What a topic under the base topic carries. */
export type Zigbee2MqttTopic =
  | { readonly kind: 'device'; readonly friendlyName: string }
  /** `<name>/set` and `<name>/get` are commands to the device, echoed back to every subscriber. */
  | { readonly kind: 'command'; readonly friendlyName: string }
  | { readonly kind: 'availability'; readonly friendlyName: string }
  /** `bridge/devices`, `bridge/event`, `bridge/state`, …; `path` is what follows `bridge/`. */
  | { readonly kind: 'bridge'; readonly path: string }
  | { readonly kind: 'other' };

/**
 * Splits `<base>/<rest>`. Without a known base the first segment is taken as the base, which is right for the default
 * `zigbee2mqtt`; friendly names may themselves contain slashes (`kitchen/plug`), so only the last segment can mark a
 * command or availability topic.
 */
export function parseZigbee2MqttTopic(topic: string, baseTopic?: string): Zigbee2MqttTopic {
  let rest: string;
  if (baseTopic !== undefined) {
    if (!topic.startsWith(`${baseTopic}/`)) return { kind: 'other' };
    rest = topic.slice(baseTopic.length + 1);
  } else {
    const slash = topic.indexOf('/');
    if (slash <= 0) return { kind: 'other' };
    rest = topic.slice(slash + 1);
  }
  if (rest === '' || rest.startsWith('/') || rest.endsWith('/')) return { kind: 'other' };
  if (rest === 'bridge' || rest.startsWith('bridge/')) return { kind: 'bridge', path: rest.slice('bridge/'.length) };
  const slash = rest.lastIndexOf('/');
  if (slash < 0) return { kind: 'device', friendlyName: rest };
  const friendlyName = rest.slice(0, slash);
  switch (rest.slice(slash + 1)) {
    case 'set':
    case 'get':
      return { kind: 'command', friendlyName };
    case 'availability':
      return { kind: 'availability', friendlyName };
    default:
      return { kind: 'device', friendlyName: rest };
  }
}

const IEEE_ADDRESS = /^0x[0-9a-f]{16}$/i;

/** `0x`-prefixed 64-bit IEEE address as zigbee2mqtt and zigbee-herdsman print it; undefined when malformed. */
export function normalizeIeee(value: string): string | undefined {
  return IEEE_ADDRESS.test(value) ? value.toLowerCase() : undefined;
}

/**
 * The node id of a ZigBee device whatever software drives its coordinator, so a device moved from the native herdsman
 * driver to zigbee2mqtt keeps its sensors.
 */
export function zigbeeNodeId(ieee: string): string {
  return `zigbee:${ieee}`;
}

/** Gateway-scoped fallback when the device's IEEE address is unknown (friendly names are only unique per bridge). */
export function friendlyNameNodeId(gatewayId: string, friendlyName: string): string {
  return `zigbee2mqtt:${gatewayId}/${friendlyName}`;
}
