import { Zcl, Zdo } from 'zigbee-herdsman';
import type { ClusterAttributeValues, VirtualDeviceProfile } from './virtual-device-profiles.js';
import { sameBinding, type BindingEntry, type ZdoEndpoint, type ZdoNode } from './virtual-zdo.js';
import { VirtualOtaClient } from './virtual-ota-client.js';
import { attributeReport, defaultResponse, type AttributeRecord } from './zcl-frames.js';
import { answerGlobalCommand, type ReportingConfiguration, type StoredAttribute } from './virtual-device-zcl.js';

export type { ReportingConfiguration } from './virtual-device-zcl.js';

/** How a device puts its own (unsolicited) frames on the air. */
export interface DeviceRadio {
  transmit(device: VirtualDevice, endpointId: number, frame: Zcl.Frame): void;
  /** The device announces itself (ZDO Device_annce), as after a reboot. */
  announce(device: VirtualDevice): void;
}

const ON_OFF_COMMANDS = new Set(['on', 'off', 'toggle']);

function clusterOf(key: string | number): ReturnType<typeof Zcl.Utils.getCluster> {
  return Zcl.Utils.getCluster(key, undefined, {});
}

function attributesKey(endpointId: number, clusterId: number, manufacturerCode?: number): string {
  return manufacturerCode === undefined
    ? `${endpointId}:${clusterId}`
    : `${endpointId}:${clusterId}:${manufacturerCode}`;
}

/**
 * One simulated ZigBee device: answers ZDO and ZCL like the real product does (attributes, bindings, reporting
 * configuration, on/off) and reports changed attributes of bound clusters.
 */
export class VirtualDevice implements ZdoNode {
  readonly ieee: string;
  readonly logicalType: 'router' | 'endDevice';
  readonly manufacturerCode: number;
  readonly zdoEndpoints: readonly ZdoEndpoint[];
  /** Set by the network on join. */
  networkAddress = 0;
  joined = false;
  private readonly attributes = new Map<string, Map<number, StoredAttribute>>();
  private readonly bindingTable: BindingEntry[] = [];
  private readonly reporting = new Map<string, ReportingConfiguration>();
  private transactionSequenceNumber = 0;
  /** The OTA upgrade client, on products whose firmware updates over the air. */
  readonly ota: VirtualOtaClient | undefined;

  constructor(
    profile: VirtualDeviceProfile,
    private readonly radio: DeviceRadio,
    ieee?: string,
  ) {
    this.ieee = (ieee ?? profile.ieee).toLowerCase();
    this.logicalType = profile.logicalType;
    this.manufacturerCode = profile.manufacturerCode;
    this.zdoEndpoints = profile.endpoints.map((e) => ({
      id: e.id,
      profileId: e.profileId,
      deviceId: e.deviceId,
      inputClusterIds: e.inputClusters.map((key) => clusterOf(key).ID),
      outputClusterIds: e.outputClusters.map((name) => clusterOf(name).ID),
    }));
    for (const endpoint of profile.endpoints) {
      for (const [cluster, values] of Object.entries(endpoint.attributes)) this.store(endpoint.id, cluster, values);
      for (const { clusterId, manufacturerCode, attributes } of endpoint.manufacturerClusters ?? []) {
        const stored = new Map<number, StoredAttribute>();
        for (const [id, { type, value }] of Object.entries(attributes))
          stored.set(Number(id), { name: `0x${Number(id).toString(16)}`, type, value });
        this.attributes.set(attributesKey(endpoint.id, clusterId, manufacturerCode), stored);
      }
    }
    const otaEndpoint = this.zdoEndpoints.find((e) => e.outputClusterIds.includes(Zcl.Clusters.genOta.ID));
    this.ota =
      profile.ota && otaEndpoint
        ? new VirtualOtaClient(this.manufacturerCode, profile.ota.imageType, profile.ota.fileVersion, {
            send: (command, payload) =>
              this.radio.transmit(
                this,
                otaEndpoint.id,
                Zcl.Frame.create(
                  Zcl.FrameType.SPECIFIC,
                  Zcl.Direction.CLIENT_TO_SERVER,
                  true,
                  undefined,
                  this.nextTransaction(),
                  command,
                  Zcl.Clusters.genOta.ID,
                  payload,
                  {},
                ),
              ),
            rebooted: ({ softwareBuildId }) => {
              const basic = this.zdoEndpoints.find((e) => e.inputClusterIds.includes(Zcl.Clusters.genBasic.ID));
              if (basic && softwareBuildId !== undefined)
                this.store(basic.id, 'genBasic', { swBuildId: softwareBuildId });
              if (this.joined) this.radio.announce(this);
            },
          })
        : undefined;
  }

  get bindings(): readonly BindingEntry[] {
    return [...this.bindingTable];
  }

  get reportingConfigurations(): readonly ReportingConfiguration[] {
    return [...this.reporting.values()];
  }

  /** Cluster names bound on an endpoint. */
  boundClusters(endpointId: number): string[] {
    return this.bindingTable
      .filter((b) => b.sourceEndpoint === endpointId)
      .map((b) => Zcl.Utils.getCluster(b.clusterId, undefined, {}).name);
  }

  value(endpointId: number, cluster: string, attribute: string): number | string | undefined {
    const attributeId = Zcl.Utils.getClusterAttribute(clusterOf(cluster), attribute, undefined)?.ID;
    return attributeId === undefined
      ? undefined
      : this.attributes.get(attributesKey(endpointId, clusterOf(cluster).ID))?.get(attributeId)?.value;
  }

  /** Changes attribute values as the device's own measurement would; bound clusters report the change. */
  set(endpointId: number, cluster: string, values: ClusterAttributeValues): void {
    const changed = this.store(endpointId, cluster, values);
    if (this.isBound(endpointId, clusterOf(cluster).ID)) this.report(endpointId, cluster, changed);
  }

  /** Sends an attribute report now, whatever the bindings say. */
  report(endpointId: number, cluster: string, attributeNames: readonly string[]): void {
    const attributes = this.attributes.get(attributesKey(endpointId, clusterOf(cluster).ID));
    const records: AttributeRecord[] = [];
    for (const [attrId, stored] of attributes ?? []) {
      if (attributeNames.includes(stored.name)) records.push({ attrId, dataType: stored.type, attrData: stored.value });
    }
    if (records.length === 0 || !this.joined) return;
    this.radio.transmit(this, endpointId, attributeReport(clusterOf(cluster).ID, this.nextTransaction(), records));
  }

  bind(entry: BindingEntry): Zdo.Status {
    if (!this.zdoEndpoints.some((e) => e.id === entry.sourceEndpoint)) return Zdo.Status.INVALID_EP;
    if (!this.bindingTable.some((b) => sameBinding(b, entry))) this.bindingTable.push(entry);
    return Zdo.Status.SUCCESS;
  }

  unbind(entry: BindingEntry): Zdo.Status {
    const index = this.bindingTable.findIndex((b) => sameBinding(b, entry));
    if (index === -1) return Zdo.Status.NO_ENTRY;
    this.bindingTable.splice(index, 1);
    return Zdo.Status.SUCCESS;
  }

  /** A device forgets its bindings and reporting when it leaves, as after a factory reset. */
  forgetNetwork(): void {
    this.joined = false;
    this.bindingTable.length = 0;
    this.reporting.clear();
    this.ota?.stop();
  }

  /** Answers one ZCL request addressed to an endpoint; undefined when the device stays silent. */
  receive(endpointId: number, request: Zcl.Frame): Zcl.Frame | undefined {
    const endpoint = this.zdoEndpoints.find((e) => e.id === endpointId);
    if (!endpoint) return undefined;
    if (
      request.cluster.ID === Zcl.Clusters.genOta.ID &&
      this.ota &&
      endpoint.outputClusterIds.includes(request.cluster.ID)
    ) {
      // The server side of OTA talks to the device's client cluster; the client answers with requests of its own.
      this.ota.receive(request);
      return undefined;
    }
    if (!endpoint.inputClusterIds.includes(request.cluster.ID))
      return defaultResponse(request, Zcl.Status.UNSUPPORTED_CLUSTER);
    const attributes = this.attributes.get(
      attributesKey(endpointId, request.cluster.ID, request.header.manufacturerCode),
    );
    if (request.header.isGlobal) return answerGlobalCommand(endpointId, request, attributes, this.reporting);
    if (request.cluster.name === 'genOnOff' && ON_OFF_COMMANDS.has(request.command.name)) {
      const current = this.value(endpointId, 'genOnOff', 'onOff');
      const next = request.command.name === 'toggle' ? (current === 1 ? 0 : 1) : request.command.name === 'on' ? 1 : 0;
      setImmediate(() => this.set(endpointId, 'genOnOff', { onOff: next }));
      return request.header.frameControl.disableDefaultResponse
        ? undefined
        : defaultResponse(request, Zcl.Status.SUCCESS);
    }
    return defaultResponse(request, Zcl.Status.UNSUP_COMMAND);
  }

  private store(endpointId: number, clusterName: string, values: ClusterAttributeValues): string[] {
    const cluster = clusterOf(clusterName);
    const key = attributesKey(endpointId, cluster.ID);
    const attributes = this.attributes.get(key) ?? new Map<number, StoredAttribute>();
    this.attributes.set(key, attributes);
    const changed: string[] = [];
    for (const [name, value] of Object.entries(values)) {
      const definition = Zcl.Utils.getClusterAttribute(cluster, name, undefined);
      if (!definition) throw new Error(`cluster ${clusterName} has no attribute "${name}"`);
      const stored = attributes.get(definition.ID);
      if (stored?.value !== value) changed.push(name);
      attributes.set(definition.ID, { name: definition.name, type: definition.type, value });
    }
    return changed;
  }

  private isBound(endpointId: number, clusterId: number): boolean {
    return this.bindingTable.some((b) => b.sourceEndpoint === endpointId && b.clusterId === clusterId);
  }

  private nextTransaction(): number {
    this.transactionSequenceNumber = (this.transactionSequenceNumber + 1) & 0xff;
    return this.transactionSequenceNumber;
  }
}
