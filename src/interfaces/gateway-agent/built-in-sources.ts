import type { FrameSourceFactory } from '../../application/ports/frame-source.port.js';

/*
 * The drivers every agent binary knows, by the `adapter.kind` gateway.json names. Loaded on demand: the ZigBee
 * converter library alone takes a noticeable while to load, and an agent runs exactly one driver.
 */
const BUILT_IN: Readonly<Record<string, () => Promise<FrameSourceFactory>>> = {
  simulated: async () =>
    (await import('../../infrastructure/simulation/simulated-meters.source.js')).createSimulatedMetersSource,
  zigbee: async () => (await import('../../infrastructure/zigbee/zigbee.source.js')).createZigbeeSource,
  'dsmr-p1': async () => (await import('../../infrastructure/dsmr/dsmr-p1.factory.js')).createDsmrP1Source,
  zigbee2mqtt: async () => (await import('../../infrastructure/mqtt/zigbee2mqtt.source.js')).createZigbee2MqttSource,
  'modbus-tcp': async () => {
    const { createModbusTcpSource } = await import('../../infrastructure/modbus/create-modbus-tcp-source.js');
    return (settings, networkType, context) => createModbusTcpSource(settings, networkType, context);
  },
};

export function builtInSourceKinds(): string[] {
  return Object.keys(BUILT_IN);
}

export async function builtInSource(kind: string): Promise<FrameSourceFactory | undefined> {
  const load = Object.hasOwn(BUILT_IN, kind) ? BUILT_IN[kind] : undefined;
  return load ? await load() : undefined;
}
