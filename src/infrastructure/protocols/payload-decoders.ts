import type { Logger } from 'pino';
import type { DecoderLookup } from '../../application/metering/ports/payload-decoders.port.js';
import { dsmrDecoder } from '../../domain/metering/protocols/dsmr/index.js';
import { modbusDecoder } from '../../domain/metering/protocols/modbus/modbus.decoder.js';
import type { PayloadDecoder } from '../../domain/metering/protocols/payload-decoder.js';
import { zigbee2mqttDecoder } from '../../domain/metering/protocols/zigbee2mqtt/zigbee2mqtt.decoder.js';
import { ZigbeePayloadDecoder } from '../zigbee/zigbee-payload.decoder.js';

/** The protocol modules of this server, by the network type a gateway was registered with. */
export function installedDecoders(logger?: Logger): ReadonlyMap<string, PayloadDecoder> {
  return new Map<string, PayloadDecoder>([
    ['zigbee', new ZigbeePayloadDecoder(logger ? { logger: logger.child({ ns: 'wattlog:zigbee' }) } : {})],
    ['zigbee2mqtt', zigbee2mqttDecoder],
    ['dsmr', dsmrDecoder],
    ['modbus', modbusDecoder],
  ]);
}

export function decoderLookup(decoders: ReadonlyMap<string, PayloadDecoder> = installedDecoders()): DecoderLookup {
  return (networkType) => decoders.get(networkType);
}
