import type { Events, Models } from 'zigbee-herdsman';
import { SCALE_ATTRIBUTES, toJsonValue, type AttributeCache, type ZigbeePayload } from './zigbee-payload.js';

/**
 * An attribute report or read response as the payload the server decodes: the device's model (the server picks its
 * converter by it), the ZCL transaction number (repeats are dropped) and the cluster's cached scale attributes
 * (multipliers and divisors the converters need, which devices report only once).
 */
export function zigbeePayload(
  message: Events.MessagePayload,
  type: ZigbeePayload['type'],
  modelId: string,
  measuredAt: Date,
): ZigbeePayload {
  const { device, endpoint } = message;
  const cluster = String(message.cluster);
  const tsn = message.meta.zclTransactionSequenceNumber;
  return {
    kind: 'zigbee',
    ieee: device.ieeeAddr,
    endpoint: endpoint.ID,
    cluster,
    type,
    data: toJsonValue(message.data) as Record<string, unknown>,
    modelId,
    ...(device.manufacturerName !== undefined ? { manufacturerName: device.manufacturerName } : {}),
    linkquality: message.linkquality,
    ...(tsn !== undefined ? { tsn } : {}),
    measuredAt: measuredAt.toISOString(),
    meta: scaleAttributes(endpoint, cluster),
  };
}

function scaleAttributes(endpoint: Models.Endpoint, cluster: string): AttributeCache {
  const names = SCALE_ATTRIBUTES[cluster];
  if (!names) return {};
  const values: Record<string, number | string> = {};
  for (const name of names) {
    const value = endpoint.getClusterAttributeValue(cluster, name);
    if (value !== undefined) values[name] = value;
  }
  return Object.keys(values).length > 0 ? { [cluster]: values } : {};
}
