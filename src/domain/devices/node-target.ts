/** A node's address in its driver's own terms: the IEEE address for ZigBee, the friendly name for zigbee2mqtt, the node id for meters. */
export function nodeTargetOf(nodeId: string, protocol: string): string | null {
  // A Modbus poller or P1 reader serves its own meters: the node id itself names the meter.
  if (protocol === 'modbus' || protocol === 'dsmr') return nodeId;
  const zigbee = /^zigbee:(0x[0-9a-f]{16})$/.exec(nodeId);
  if (zigbee) return protocol === 'zigbee' || protocol === 'zigbee2mqtt' ? zigbee[1]! : null;
  const named = /^zigbee2mqtt:[^/]+\/(.+)$/.exec(nodeId);
  if (named && protocol === 'zigbee2mqtt') return named[1]!;
  return null;
}
