/** A node's address in its driver's own terms: the IEEE address for ZigBee, the friendly name for zigbee2mqtt. */
export function nodeTargetOf(nodeId: string, protocol: string): string | null {
  const zigbee = /^zigbee:(0x[0-9a-f]{16})$/.exec(nodeId);
  if (zigbee) return protocol === 'zigbee' || protocol === 'zigbee2mqtt' ? zigbee[1]! : null;
  const named = /^zigbee2mqtt:[^/]+\/(.+)$/.exec(nodeId);
  if (named && protocol === 'zigbee2mqtt') return named[1]!;
  return null;
}
