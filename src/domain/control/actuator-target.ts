const ZIGBEE_SWITCH = /^zigbee:(0x[0-9a-f]{16})\/(\d{1,3})\/switchState$/;
const ZIGBEE_ANY_CHANNEL_SWITCH = /^zigbee:(0x[0-9a-f]{16})\/switchState$/;
const Z2M_NAMED_SWITCH = /^zigbee2mqtt:[^/]+\/(.+)\/switchState$/;

/**
 * The driver address of a switchable sensor, from the sensor id convention (node, channel, quantity): `<ieee>/<endpoint>`
 * for the ZigBee driver, the friendly name or IEEE address (zigbee2mqtt accepts both in `<base>/<x>/set`) for
 * zigbee2mqtt. Null when the protocol has no switch command or the sensor is a channel of a multi-relay device.
 */
export function actuatorTargetOf(sensorId: string, protocol: string): string | null {
  switch (protocol) {
    case 'zigbee': {
      const match = ZIGBEE_SWITCH.exec(sensorId);
      return match ? `${match[1]}/${match[2]}` : null;
    }
    case 'zigbee2mqtt': {
      const byAddress = ZIGBEE_ANY_CHANNEL_SWITCH.exec(sensorId);
      if (byAddress) return byAddress[1]!;
      const byName = Z2M_NAMED_SWITCH.exec(sensorId);
      return byName && !byName[1]!.includes('+') && !byName[1]!.includes('#') ? byName[1]! : null;
    }
    default:
      return null;
  }
}
