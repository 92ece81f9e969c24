import { Zdo, type AdapterEvents, type AdapterTypes, type Zcl } from 'zigbee-herdsman';
import type { RequestToResponseMap } from 'zigbee-herdsman/dist/zspec/zdo/definition/tstypes.js';
import { VirtualDevice, type DeviceRadio } from './virtual-device.js';
import { VIRTUAL_DEVICE_PROFILES, type VirtualProfileName } from './virtual-device-profiles.js';
import { answerZdo, coordinatorNode } from './virtual-zdo.js';
import { overTheAir, receivedPayload } from './zcl-frames.js';
import { COORDINATOR_IEEE, RadiolessCoordinatorAdapter } from './radioless-coordinator.adapter.js';
import { networkParameters, requestedChannelChange } from './virtual-network-parameters.js';
import { ZclWaiters } from './zcl-waiters.js';
import { VirtualNetworkMembers } from './virtual-network-members.js';

export interface VirtualDeviceSpec {
  readonly profile: VirtualProfileName;
  /** Defaults to the profile's address; give one to host the same product twice. */
  readonly ieee?: string;
}

const FIRST_BROADCAST_ADDRESS = 0xfff8;
const JOIN_SPACING_MS = 20;
/** A stick moves to the new channel a moment after broadcasting the change, not while sending it. */
export const CHANNEL_CHANGE_DELAY_MS = 150;

/**
 * A coordinator without a radio: herdsman's Controller drives it exactly as it drives a real stick, and the devices
 * it hosts answer with real ZDO and ZCL bytes. Devices join while joining is permitted, report what tests or the demo
 * set on them, and leave. A Mgmt_NWK_Update_req broadcast with a single channel moves the network there, as a real
 * coordinator's stack does; the network parameters report it afterwards. The network is not persisted: every start
 * forms it anew on the configured channel.
 */
export class VirtualCoordinatorAdapter extends RadiolessCoordinatorAdapter implements DeviceRadio {
  private readonly members = new VirtualNetworkMembers();
  private readonly waiters = new ZclWaiters();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private channel: number;
  private nwkUpdateId = 0;

  constructor(
    networkOptions: AdapterTypes.NetworkOptions,
    serialPortOptions: AdapterTypes.SerialPortOptions,
    backupPath: string,
    adapterOptions: AdapterTypes.AdapterOptions,
    devices: readonly VirtualDeviceSpec[],
  ) {
    super(networkOptions, serialPortOptions, backupPath, adapterOptions);
    this.channel = networkOptions.channelList[0] ?? 11;
    for (const spec of devices) this.addDevice(spec);
  }

  get devices(): readonly VirtualDevice[] {
    return this.members.all;
  }

  device(ieee: string): VirtualDevice | undefined {
    return this.members.byIeee(ieee);
  }

  /** Powers a new device on; it joins as soon as joining is permitted. */
  addDevice(spec: VirtualDeviceSpec): VirtualDevice {
    const device = new VirtualDevice(VIRTUAL_DEVICE_PROFILES[spec.profile], this, spec.ieee);
    this.members.add(device);
    if (this.members.joinPermitted()) this.later(0, () => this.join(device));
    return device;
  }

  /** The device leaves on its own (button press, reset). */
  leave(ieee: string): void {
    const device = this.device(ieee);
    if (!device?.joined) throw new Error(`virtual device ${ieee} is not on the network`);
    device.forgetNetwork();
    this.emit('deviceLeave', { networkAddress: device.networkAddress, ieeeAddr: device.ieee });
  }

  transmit(device: VirtualDevice, endpointId: number, frame: Zcl.Frame): void {
    if (this.stopped || !device.joined) return;
    this.receive(device, endpointId, frame.cluster.ID, overTheAir(frame).bytes);
  }

  announce(device: VirtualDevice): void {
    if (this.stopped || !device.joined) return;
    // Router, mains powered, receiver on when idle, allocate address: what a plug announces.
    const capabilities = Zdo.Utils.getMacCapFlags(device.logicalType === 'router' ? 0x8e : 0x80);
    this.emit('zdoResponse', Zdo.ClusterId.END_DEVICE_ANNOUNCE, [
      Zdo.Status.SUCCESS,
      { nwkAddress: device.networkAddress, eui64: device.ieee, capabilities },
    ]);
  }

  override async start(): Promise<AdapterTypes.StartResult> {
    this.stopped = false;
    return Promise.resolve('reset');
  }

  override async stop(): Promise<void> {
    this.stopped = true;
    for (const device of this.members.all) device.ota?.stop();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiters.rejectAll('virtual coordinator stopped');
    return Promise.resolve();
  }

  override async getCoordinatorVersion(): Promise<AdapterTypes.CoordinatorVersion> {
    return Promise.resolve({ type: 'virtual', meta: { devices: this.members.all.length } });
  }

  override async getNetworkParameters(): Promise<AdapterTypes.NetworkParameters> {
    return Promise.resolve(networkParameters(this.networkOptions, this.channel, this.nwkUpdateId));
  }

  override waitFor(
    networkAddress: number,
    endpoint: number,
    _frameType: Zcl.FrameType,
    _direction: Zcl.Direction,
    transactionSequenceNumber: number | undefined,
    clusterId: number,
    commandId: number,
    defaultRspCommandId: number | undefined,
    timeout: number,
  ): { promise: Promise<AdapterEvents.ZclPayload>; cancel: () => void } {
    return this.waiters.waitFor(
      { address: networkAddress, endpoint, clusterId, commandId, defaultRspCommandId, transactionSequenceNumber },
      timeout,
    );
  }

  override sendZdo(
    ieeeAddress: string,
    networkAddress: number,
    clusterId: Zdo.ClusterId,
    payload: Buffer,
    disableResponse: true,
  ): Promise<void>;
  override sendZdo<K extends keyof RequestToResponseMap>(
    ieeeAddress: string,
    networkAddress: number,
    clusterId: K,
    payload: Buffer,
    disableResponse: false,
  ): Promise<RequestToResponseMap[K]>;
  override sendZdo<K extends keyof RequestToResponseMap>(
    ieeeAddress: string,
    networkAddress: number,
    clusterId: K,
    payload: Buffer,
    disableResponse: boolean,
  ): Promise<RequestToResponseMap[K] | undefined>;
  override async sendZdo(
    _ieeeAddress: string,
    networkAddress: number,
    clusterId: Zdo.ClusterId,
    payload: Buffer,
    disableResponse: boolean,
  ): Promise<unknown> {
    if (this.stopped) throw new Error('virtual coordinator stopped');
    if (networkAddress >= FIRST_BROADCAST_ADDRESS) {
      if (clusterId === Zdo.ClusterId.NWK_UPDATE_REQUEST) this.networkUpdate(payload);
      return undefined;
    }
    const node = networkAddress === 0 ? coordinatorNode(COORDINATOR_IEEE) : this.members.joinedAt(networkAddress);
    if (!node)
      throw new Error(`ZDO request to 0x${networkAddress.toString(16)} timed out: no such device on the network`);
    const responseClusterId = Zdo.Utils.getResponseClusterId(clusterId);
    const bytes = answerZdo(node, clusterId, payload);
    if (clusterId === Zdo.ClusterId.LEAVE_REQUEST && node instanceof VirtualDevice)
      this.later(0, () => this.leave(node.ieee));
    if (responseClusterId === undefined) return undefined;
    const response = Zdo.Buffalo.readResponse(this.hasZdoMessageOverhead, responseClusterId, bytes);
    this.emit('zdoResponse', responseClusterId, response);
    return disableResponse ? undefined : response;
  }

  override async permitJoin(seconds: number): Promise<void> {
    this.members.permitJoin(seconds);
    this.members.all
      .filter((d) => !d.joined)
      .forEach((device, i) => this.later(i * JOIN_SPACING_MS, () => this.join(device)));
    return Promise.resolve();
  }

  override async sendZclFrameToEndpoint(
    ieeeAddr: string,
    networkAddress: number,
    endpoint: number,
    zclFrame: Zcl.Frame,
    _timeout: number,
    disableResponse: boolean,
    _disableRecovery: boolean,
    sourceEndpoint?: number,
  ): Promise<AdapterEvents.ZclPayload | undefined> {
    if (this.stopped) throw new Error('virtual coordinator stopped');
    if (networkAddress === 0) return undefined;
    const device = this.members.joinedAt(networkAddress);
    if (!device) throw new Error(`ZCL request to ${ieeeAddr}/${endpoint} timed out: no such device on the network`);
    const answer = device.receive(endpoint, overTheAir(zclFrame).frame);
    // Answers arrive after the request went out, as on a radio.
    await new Promise((resolve) => setImmediate(resolve));
    const received = answer
      ? this.receive(device, endpoint, answer.cluster.ID, overTheAir(answer).bytes, sourceEndpoint)
      : undefined;
    const expectsAnswer =
      (zclFrame.command.response !== undefined && !disableResponse) ||
      !zclFrame.header.frameControl.disableDefaultResponse;
    if (!expectsAnswer) return undefined;
    if (!received) throw new Error(`ZCL request to ${ieeeAddr}/${endpoint} timed out: no answer`);
    return received;
  }

  /** A frame from a device reaches the coordinator: herdsman's Controller and any waiter see it. */
  private receive(
    device: VirtualDevice,
    endpointId: number,
    clusterId: number,
    bytes: Buffer,
    destinationEndpoint = 1,
  ): AdapterEvents.ZclPayload {
    const payload = receivedPayload(device.networkAddress, endpointId, clusterId, bytes, destinationEndpoint);
    this.emit('zclPayload', payload);
    this.waiters.offer(payload);
    return payload;
  }

  /** A channel change for the whole network: the coordinator (and every device with it) moves once it is out. */
  private networkUpdate(request: Buffer): void {
    const change = requestedChannelChange(request, this.nwkUpdateId);
    if (!change) return;
    this.later(CHANNEL_CHANGE_DELAY_MS, () => {
      this.channel = change.channel;
      this.nwkUpdateId = change.nwkUpdateId;
    });
  }

  private join(device: VirtualDevice): void {
    if (this.stopped || device.joined || !this.members.joinPermitted()) return;
    device.joined = true;
    this.emit('deviceJoined', { networkAddress: device.networkAddress, ieeeAddr: device.ieee });
  }

  private later(delayMs: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }
}
