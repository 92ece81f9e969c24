import { connectAsync, type MqttClient } from 'mqtt';

/** True when an MQTT broker at `url` accepts a connection within `timeoutMs`; never throws. */
export async function probeMqttBroker(url: string, timeoutMs = 1500): Promise<boolean> {
  let client: MqttClient | undefined;
  try {
    client = await connectAsync(url, { connectTimeout: timeoutMs, reconnectPeriod: 0 }, false);
    return client.connected;
  } catch {
    return false;
  } finally {
    await client?.endAsync(true).catch(() => undefined);
  }
}
