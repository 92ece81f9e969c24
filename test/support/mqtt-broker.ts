import { probeMqttBroker } from '../../src/infrastructure/mqtt/mqtt-probe.js';
import { describeOrSkip } from './skip.js';

export const BROKER_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';

/** A loaded machine can miss one short probe; a broker that answers none of three is really absent. */
async function brokerAnswers(): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) if (await probeMqttBroker(BROKER_URL, 3000)) return true;
  return false;
}

const brokerUp = await brokerAnswers();
// CI must exercise the real broker; elsewhere a missing Mosquitto only skips these specs (and says so).
if (!brokerUp && process.env.CI === 'true') throw new Error(`CI=true but no MQTT broker answers at ${BROKER_URL}`);

/** `describe` for blocks that need a real MQTT broker; reported as skipped, with the reason, when none answers. */
export const describeWithBroker = describeOrSkip(
  brokerUp ? undefined : `no MQTT broker at ${BROKER_URL} (start Mosquitto on 127.0.0.1:1883 or set MQTT_URL)`,
);
