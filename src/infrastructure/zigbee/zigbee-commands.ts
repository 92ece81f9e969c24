import type { DeviceCommand, DeviceCommandOutcome } from '../../application/ports/frame-source.port.js';
import type { OnOffAction } from './zigbee.source.js';

/** What a ZigBee driver must offer for the commands the server sends down. */
export interface ZigbeeCommandTarget {
  permitJoin(seconds: number): Promise<void>;
  setOnOff(ieee: string, endpointId: number, action: OnOffAction): Promise<void>;
}

const SWITCH_STATES: Readonly<Record<string, OnOffAction>> = { on: 'on', off: 'off', toggle: 'toggle' };

/**
 * `permit_join` { seconds } on the gateway; `switch` { state: on|off|toggle } on `<ieee>/<endpoint>` (endpoint 1 when
 * left out). The device's own answer decides the outcome; a bad request is refused without touching the network.
 */
export async function applyZigbeeCommand(target: ZigbeeCommandTarget, command: DeviceCommand): Promise<DeviceCommandOutcome> {
  switch (command.action) {
    case 'permit_join': {
      const seconds = command.params?.seconds ?? 60;
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > 254) {
        return { ok: false, detail: 'permit_join takes params.seconds from 0 to 254' };
      }
      await target.permitJoin(seconds);
      return { ok: true, detail: seconds > 0 ? `joining permitted for ${seconds} s` : 'joining closed' };
    }
    case 'switch': {
      const state = SWITCH_STATES[String(command.params?.state)];
      if (!state) return { ok: false, detail: 'switch takes params.state on, off or toggle' };
      const [ieee, endpoint = '1'] = command.target.split('/');
      if (!ieee || !/^0x[0-9a-fA-F]{16}$/.test(ieee) || !/^\d{1,3}$/.test(endpoint)) {
        return { ok: false, detail: `switch targets <ieee>/<endpoint>, got ${JSON.stringify(command.target)}` };
      }
      await target.setOnOff(ieee, Number(endpoint), state);
      return { ok: true, detail: `${ieee}/${endpoint} ${state}` };
    }
    default:
      return { ok: false, detail: `the zigbee driver has no command ${JSON.stringify(command.action)}` };
  }
}
