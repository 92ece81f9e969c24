import { Zcl, type AdapterEvents } from 'zigbee-herdsman';

/** One attribute record of a report or a read response. */
export interface AttributeRecord {
  readonly attrId: number;
  readonly dataType: Zcl.DataType;
  readonly attrData: number | string;
}

/** A global (foundation) answer from the device to a coordinator request: same cluster, same transaction number. */
export function globalResponse(
  request: Zcl.Frame,
  command: 'readRsp' | 'writeRsp' | 'configReportRsp',
  payload: unknown,
): Zcl.Frame {
  return Zcl.Frame.create(
    Zcl.FrameType.GLOBAL,
    Zcl.Direction.SERVER_TO_CLIENT,
    true,
    request.header.manufacturerCode,
    request.header.transactionSequenceNumber,
    command,
    request.cluster.ID,
    payload,
    {},
  );
}

export function defaultResponse(request: Zcl.Frame, status: Zcl.Status): Zcl.Frame {
  return Zcl.Frame.create(
    Zcl.FrameType.GLOBAL,
    Zcl.Direction.SERVER_TO_CLIENT,
    true,
    request.header.manufacturerCode,
    request.header.transactionSequenceNumber,
    'defaultRsp',
    request.cluster.ID,
    { cmdId: request.header.commandIdentifier, statusCode: status },
    {},
  );
}

/** An unsolicited attribute report, as a device sends it to its bound destinations. */
export function attributeReport(
  clusterId: number,
  transactionSequenceNumber: number,
  records: readonly AttributeRecord[],
): Zcl.Frame {
  return Zcl.Frame.create(
    Zcl.FrameType.GLOBAL,
    Zcl.Direction.SERVER_TO_CLIENT,
    true,
    undefined,
    transactionSequenceNumber,
    'report',
    clusterId,
    records,
    {},
  );
}

/** Parses bytes as the receiving side would, so every frame crossing the virtual radio is really encoded. */
export function overTheAir(frame: Zcl.Frame): { frame: Zcl.Frame; bytes: Buffer } {
  const bytes = frame.toBuffer();
  return { frame: Zcl.Frame.fromBuffer(frame.cluster.ID, Zcl.Header.fromBuffer(bytes), bytes, {}), bytes };
}

/** A device's frame as the coordinator hands it to herdsman; the link quality is made up but steady per device. */
export function receivedPayload(
  networkAddress: number,
  endpointId: number,
  clusterId: number,
  bytes: Buffer,
  destinationEndpoint: number,
): AdapterEvents.ZclPayload {
  return {
    clusterID: clusterId,
    address: networkAddress,
    header: Zcl.Header.fromBuffer(bytes),
    data: bytes,
    endpoint: endpointId,
    linkquality: 96 + (networkAddress % 128),
    groupID: 0,
    wasBroadcast: false,
    destinationEndpoint,
  };
}
