import { Zcl, Zdo, ZSpec, type AdapterEvents } from 'zigbee-herdsman';
import { CHANNEL_CHANGE_DELAY_MS, VirtualCoordinatorAdapter } from './virtual-coordinator.adapter.js';
import { VIRTUAL_DEVICE_PROFILES } from './virtual-device-profiles.js';

const PLUG = VIRTUAL_DEVICE_PROFILES['ikea-inspelning'].ieee;

function zdoRequest<K extends Zdo.ClusterId>(clusterId: K, ...args: unknown[]): Buffer {
  return (Zdo.Buffalo.buildRequest as (overhead: boolean, id: K, ...rest: unknown[]) => Buffer)(
    true,
    clusterId,
    ...args,
  );
}

async function joinedAdapter(): Promise<{
  adapter: VirtualCoordinatorAdapter;
  nwk: number;
  zcl: AdapterEvents.ZclPayload[];
}> {
  const adapter = new VirtualCoordinatorAdapter(
    { panID: 0x1a62, channelList: [11] },
    { path: 'virtual' },
    'backup.json',
    { disableLED: false },
    [{ profile: 'ikea-inspelning' }],
  );
  const zcl: AdapterEvents.ZclPayload[] = [];
  adapter.on('zclPayload', (payload) => zcl.push(payload));
  await adapter.start();
  const joined = new Promise<AdapterEvents.DeviceJoinedPayload>((resolve) => adapter.once('deviceJoined', resolve));
  await adapter.permitJoin(10);
  const { networkAddress } = await joined;
  return { adapter, nwk: networkAddress, zcl };
}

describe('VirtualCoordinatorAdapter', () => {
  it('keeps devices off the network until joining is permitted', async () => {
    const adapter = new VirtualCoordinatorAdapter({ panID: 1, channelList: [11] }, {}, 'b', { disableLED: false }, [
      { profile: 'tuya-ts011f' },
    ]);
    let joins = 0;
    adapter.on('deviceJoined', () => joins++);
    await adapter.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(joins).toBe(0);
    await adapter.stop();
  });

  it('answers the interview ZDO requests with bytes herdsman reads as the profile describes', async () => {
    const { adapter, nwk } = await joinedAdapter();
    const node = await adapter.sendZdo(
      PLUG,
      nwk,
      Zdo.ClusterId.NODE_DESCRIPTOR_REQUEST,
      zdoRequest(Zdo.ClusterId.NODE_DESCRIPTOR_REQUEST, nwk),
      false,
    );
    expect(node[0]).toBe(Zdo.Status.SUCCESS);
    expect(node[1]).toMatchObject({
      nwkAddress: nwk,
      logicalType: 1,
      manufacturerCode: 0x117c,
      capabilities: { rxOnWhenIdle: 1 },
    });
    const active = await adapter.sendZdo(
      PLUG,
      nwk,
      Zdo.ClusterId.ACTIVE_ENDPOINTS_REQUEST,
      zdoRequest(Zdo.ClusterId.ACTIVE_ENDPOINTS_REQUEST, nwk),
      false,
    );
    expect(active[1]?.endpointList).toEqual([1]);
    const simple = await adapter.sendZdo(
      PLUG,
      nwk,
      Zdo.ClusterId.SIMPLE_DESCRIPTOR_REQUEST,
      zdoRequest(Zdo.ClusterId.SIMPLE_DESCRIPTOR_REQUEST, nwk, 1),
      false,
    );
    expect(simple[1]).toMatchObject({ endpoint: 1, profileId: 0x0104, outClusterList: [Zcl.Clusters.genOta.ID] });
    expect(simple[1]?.inClusterList).toEqual(
      expect.arrayContaining([Zcl.Clusters.genOnOff.ID, Zcl.Clusters.seMetering.ID, 0xfc85]),
    );
    const missing = await adapter.sendZdo(
      PLUG,
      nwk,
      Zdo.ClusterId.SIMPLE_DESCRIPTOR_REQUEST,
      zdoRequest(Zdo.ClusterId.SIMPLE_DESCRIPTOR_REQUEST, nwk, 9),
      false,
    );
    expect(missing[0]).toBe(Zdo.Status.NOT_ACTIVE);
    await adapter.stop();
  });

  it('binds and unbinds, and answers NO_ENTRY for a binding it does not hold', async () => {
    const { adapter, nwk } = await joinedAdapter();
    const coordinator = await adapter.getCoordinatorIEEE();
    const entry = [PLUG, 1, Zcl.Clusters.seMetering.ID, Zdo.UNICAST_BINDING, coordinator, 0, 1];
    const bind = await adapter.sendZdo(
      PLUG,
      nwk,
      Zdo.ClusterId.BIND_REQUEST,
      zdoRequest(Zdo.ClusterId.BIND_REQUEST, ...entry),
      false,
    );
    expect(bind[0]).toBe(Zdo.Status.SUCCESS);
    expect(adapter.device(PLUG)?.boundClusters(1)).toEqual(['seMetering']);
    const unbind = () =>
      adapter.sendZdo(
        PLUG,
        nwk,
        Zdo.ClusterId.UNBIND_REQUEST,
        zdoRequest(Zdo.ClusterId.UNBIND_REQUEST, ...entry),
        false,
      );
    expect((await unbind())[0]).toBe(Zdo.Status.SUCCESS);
    expect((await unbind())[0]).toBe(Zdo.Status.NO_ENTRY);
    await adapter.stop();
  });

  it('answers ZCL reads, returns the answer and emits it as a zclPayload', async () => {
    const { adapter, nwk, zcl } = await joinedAdapter();
    const read = Zcl.Frame.create(
      Zcl.FrameType.GLOBAL,
      Zcl.Direction.CLIENT_TO_SERVER,
      false,
      undefined,
      42,
      'read',
      'seMetering',
      [{ attrId: 0x0302 }, { attrId: 0x0999 }],
      {},
    );
    const answer = await adapter.sendZclFrameToEndpoint(PLUG, nwk, 1, read, 1000, false, false);
    expect(answer).toBe(zcl.at(-1));
    const parsed = Zcl.Frame.fromBuffer(answer!.clusterID, answer!.header, answer!.data, {});
    expect(parsed.command.name).toBe('readRsp');
    expect(parsed.header.transactionSequenceNumber).toBe(42);
    expect(parsed.payload).toEqual([
      { attrId: 0x0302, status: Zcl.Status.SUCCESS, dataType: Zcl.DataType.UINT24, attrData: 1000 },
      { attrId: 0x0999, status: Zcl.Status.UNSUPPORTED_ATTRIBUTE },
    ]);
    const elsewhere = Zcl.Frame.create(
      Zcl.FrameType.GLOBAL,
      Zcl.Direction.CLIENT_TO_SERVER,
      false,
      undefined,
      43,
      'read',
      'msTemperatureMeasurement',
      [{ attrId: 0 }],
      {},
    );
    const refusal = await adapter.sendZclFrameToEndpoint(PLUG, nwk, 1, elsewhere, 1000, false, false);
    expect(Zcl.Frame.fromBuffer(refusal!.clusterID, refusal!.header, refusal!.data, {}).payload).toEqual({
      cmdId: 0,
      statusCode: Zcl.Status.UNSUPPORTED_CLUSTER,
    });
    await adapter.stop();
  });

  it('leaves after answering a leave request, and then no longer answers', async () => {
    const { adapter, nwk } = await joinedAdapter();
    const left = new Promise<AdapterEvents.DeviceLeavePayload>((resolve) => adapter.once('deviceLeave', resolve));
    const answer = await adapter.sendZdo(
      PLUG,
      nwk,
      Zdo.ClusterId.LEAVE_REQUEST,
      zdoRequest(Zdo.ClusterId.LEAVE_REQUEST, PLUG, Zdo.LeaveRequestFlags.WITHOUT_REJOIN),
      false,
    );
    expect(answer[0]).toBe(Zdo.Status.SUCCESS);
    expect(await left).toEqual({ networkAddress: nwk, ieeeAddr: PLUG });
    await expect(
      adapter.sendZdo(
        PLUG,
        nwk,
        Zdo.ClusterId.ACTIVE_ENDPOINTS_REQUEST,
        zdoRequest(Zdo.ClusterId.ACTIVE_ENDPOINTS_REQUEST, nwk),
        false,
      ),
    ).rejects.toThrow('no such device on the network');
    await adapter.stop();
  });

  it('moves to the channel a Mgmt_NWK_Update_req broadcast names, a moment later, and reports it; scans and masks of several channels change nothing', async () => {
    const adapter = new VirtualCoordinatorAdapter(
      { panID: 0x1a62, channelList: [11], extendedPanID: [1, 2, 3, 4, 5, 6, 7, 8] },
      {},
      'b',
      { disableLED: false },
      [],
    );
    await adapter.start();
    const update = (channels: number[], duration: number, nwkUpdateId?: number) =>
      adapter.sendZdo(
        ZSpec.BLANK_EUI64,
        ZSpec.BroadcastAddress.SLEEPY,
        Zdo.ClusterId.NWK_UPDATE_REQUEST,
        zdoRequest(Zdo.ClusterId.NWK_UPDATE_REQUEST, channels, duration, undefined, nwkUpdateId, undefined),
        true,
      );
    await update([15, 20], 0xfe, 1);
    await update([15], 0x03);
    await new Promise((resolve) => setTimeout(resolve, CHANNEL_CHANGE_DELAY_MS + 50));
    expect(await adapter.getNetworkParameters()).toEqual({
      panID: 0x1a62,
      extendedPanID: '0x0102030405060708',
      channel: 11,
      nwkUpdateID: 0,
    });
    await update([20], 0xfe, 1);
    expect((await adapter.getNetworkParameters()).channel).toBe(11);
    await new Promise((resolve) => setTimeout(resolve, CHANNEL_CHANGE_DELAY_MS + 50));
    expect(await adapter.getNetworkParameters()).toMatchObject({ channel: 20, nwkUpdateID: 1 });
    await adapter.stop();
  });
});
