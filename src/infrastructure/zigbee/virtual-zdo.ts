import { Zdo } from 'zigbee-herdsman';

export interface ZdoEndpoint {
  readonly id: number;
  readonly profileId: number;
  readonly deviceId: number;
  readonly inputClusterIds: readonly number[];
  readonly outputClusterIds: readonly number[];
}

/** A bind table entry as the ZDO bind/unbind request carries it. */
export interface BindingEntry {
  readonly sourceEndpoint: number;
  readonly clusterId: number;
  /** IEEE address for a unicast binding, group id for a multicast one. */
  readonly destination: string | number;
  readonly destinationEndpoint?: number;
}

/** Two entries bind the same thing (a repeated bind request adds nothing). */
export function sameBinding(a: BindingEntry, b: BindingEntry): boolean {
  return (
    a.sourceEndpoint === b.sourceEndpoint &&
    a.clusterId === b.clusterId &&
    a.destination === b.destination &&
    a.destinationEndpoint === b.destinationEndpoint
  );
}

/** What a node exposes to the ZDO layer; the virtual devices and the virtual coordinator implement it. */
export interface ZdoNode {
  readonly ieee: string;
  readonly networkAddress: number;
  readonly logicalType: 'coordinator' | 'router' | 'endDevice';
  readonly manufacturerCode: number;
  readonly zdoEndpoints: readonly ZdoEndpoint[];
  bind(entry: BindingEntry): Zdo.Status;
  unbind(entry: BindingEntry): Zdo.Status;
}

/** The coordinator's own node: herdsman asks it for its endpoints at start, like any other node. */
export function coordinatorNode(ieee: string): ZdoNode {
  return {
    ieee,
    networkAddress: 0,
    logicalType: 'coordinator',
    manufacturerCode: 0,
    zdoEndpoints: [
      {
        id: 1,
        profileId: 0x0104,
        deviceId: 0x0005,
        inputClusterIds: [0x0000, 0x0003, 0x000a, 0x0019],
        outputClusterIds: [0x0000, 0x0003, 0x0006, 0x0702, 0x0b04],
      },
    ],
    bind: () => Zdo.Status.SUCCESS,
    unbind: () => Zdo.Status.SUCCESS,
  };
}

const LOGICAL_TYPE = { coordinator: 0, router: 1, endDevice: 2 } as const;
// MAC capability flags: alternate PAN coordinator, FFD, mains powered, receiver on when idle, allocate address.
const MAC_CAPABILITIES = { coordinator: 0x8f, router: 0x8e, endDevice: 0x80 } as const;
const FREQUENCY_BAND_2400_MHZ = 0x08 << 3;
const STACK_COMPLIANCE_REVISION_22 = 22 << 9;
const MAX_TRANSFER_SIZE = 0x52;

function readBinding(reader: Zdo.Buffalo): BindingEntry & { source: string } {
  const source = reader.readIeeeAddr();
  const sourceEndpoint = reader.readUInt8();
  const clusterId = reader.readUInt16();
  const type = reader.readUInt8();
  if (type === Zdo.UNICAST_BINDING) {
    const destination = reader.readIeeeAddr();
    return { source, sourceEndpoint, clusterId, destination, destinationEndpoint: reader.readUInt8() };
  }
  return { source, sourceEndpoint, clusterId, destination: reader.readUInt16() };
}

/**
 * Answers one ZDO request with the bytes the node would send back (the first byte echoes the request's transaction
 * sequence number), so herdsman's own response reader parses them as it would a radio frame.
 */
export function answerZdo(node: ZdoNode, clusterId: Zdo.ClusterId, request: Buffer): Buffer {
  const reader = new Zdo.Buffalo(request, Zdo.ZDO_MESSAGE_OVERHEAD);
  const out = new Zdo.Buffalo(Buffer.alloc(256));
  out.writeUInt8(request[0] ?? 0);
  switch (clusterId) {
    case Zdo.ClusterId.NETWORK_ADDRESS_REQUEST:
    case Zdo.ClusterId.IEEE_ADDRESS_REQUEST:
      out.writeUInt8(Zdo.Status.SUCCESS);
      out.writeIeeeAddr(node.ieee);
      out.writeUInt16(node.networkAddress);
      break;
    case Zdo.ClusterId.NODE_DESCRIPTOR_REQUEST:
      out.writeUInt8(Zdo.Status.SUCCESS);
      out.writeUInt16(node.networkAddress);
      out.writeUInt8(LOGICAL_TYPE[node.logicalType]);
      out.writeUInt8(FREQUENCY_BAND_2400_MHZ);
      out.writeUInt8(MAC_CAPABILITIES[node.logicalType]);
      out.writeUInt16(node.manufacturerCode);
      out.writeUInt8(MAX_TRANSFER_SIZE);
      out.writeUInt16(MAX_TRANSFER_SIZE);
      out.writeUInt16(STACK_COMPLIANCE_REVISION_22);
      out.writeUInt16(MAX_TRANSFER_SIZE);
      out.writeUInt8(0);
      break;
    case Zdo.ClusterId.ACTIVE_ENDPOINTS_REQUEST:
      out.writeUInt8(Zdo.Status.SUCCESS);
      out.writeUInt16(node.networkAddress);
      out.writeUInt8(node.zdoEndpoints.length);
      for (const endpoint of node.zdoEndpoints) out.writeUInt8(endpoint.id);
      break;
    case Zdo.ClusterId.SIMPLE_DESCRIPTOR_REQUEST: {
      reader.readUInt16();
      const endpoint = node.zdoEndpoints.find((e) => e.id === reader.readUInt8());
      if (!endpoint) {
        out.writeUInt8(Zdo.Status.NOT_ACTIVE);
        break;
      }
      out.writeUInt8(Zdo.Status.SUCCESS);
      out.writeUInt16(node.networkAddress);
      out.writeUInt8(8 + 2 * (endpoint.inputClusterIds.length + endpoint.outputClusterIds.length));
      out.writeUInt8(endpoint.id);
      out.writeUInt16(endpoint.profileId);
      out.writeUInt16(endpoint.deviceId);
      out.writeUInt8(1);
      out.writeUInt8(endpoint.inputClusterIds.length);
      for (const id of endpoint.inputClusterIds) out.writeUInt16(id);
      out.writeUInt8(endpoint.outputClusterIds.length);
      for (const id of endpoint.outputClusterIds) out.writeUInt16(id);
      break;
    }
    case Zdo.ClusterId.BIND_REQUEST:
    case Zdo.ClusterId.UNBIND_REQUEST: {
      const entry = readBinding(reader);
      const status =
        entry.source !== node.ieee
          ? Zdo.Status.NOT_SUPPORTED
          : clusterId === Zdo.ClusterId.BIND_REQUEST
            ? node.bind(entry)
            : node.unbind(entry);
      out.writeUInt8(status);
      break;
    }
    case Zdo.ClusterId.LEAVE_REQUEST:
      // The caller takes the node off the network once this answer is out.
      out.writeUInt8(Zdo.Status.SUCCESS);
      break;
    default:
      out.writeUInt8(Zdo.Status.NOT_SUPPORTED);
  }
  return out.getWritten();
}
