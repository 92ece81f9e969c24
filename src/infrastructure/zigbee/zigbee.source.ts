import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { Controller, Zdo, ZSpec, type Events, type Models } from 'zigbee-herdsman';
import { Adapter } from 'zigbee-herdsman/dist/adapter/adapter.js';
import { InterviewState } from 'zigbee-herdsman/dist/controller/model/device.js';
import type { OtaExtraMetas } from 'zigbee-herdsman/dist/controller/tstype.js';
import { findByDevice, type Definition } from 'zigbee-herdsman-converters';
import type { DeviceCommand, DeviceCommandOutcome, DeviceConfiguration, FrameSink, FrameSource, FrameSourceFactory } from '../../application/ports/frame-source.port.js';
import { createLogger } from '../logging/logger.js';
import { withAdapterFactory } from './adapter-factory.hook.js';
import { applyZigbeeCommand, type ZigbeeNetworkParameters } from './zigbee-commands.js';
import { applyZigbeeConfiguration, type ReportingRequest } from './zigbee-configuration.js';
import { findOtaImage, loadOtaIndex, OtaIndexError, otaHex, readOtaImage } from './ota-index.js';
import { RecentTransactions } from './recent-transactions.js';
import { VirtualCoordinatorAdapter } from './virtual-coordinator.adapter.js';
import { VirtualDeviceSimulation } from './virtual-device-simulation.js';
import { routeZigbeeLibraryLogs } from './zigbee-logging.js';
import { SCALE_ATTRIBUTES, toJsonValue, type AttributeCache, type ZigbeePayload } from './zigbee-payload.js';
import { parseZigbeeSettings, type ZigbeeSettings } from './zigbee-settings.js';

export type OnOffAction = 'on' | 'off' | 'toggle';

export interface ZigbeeSourceOptions {
  readonly logger: Logger;
  readonly now?: () => Date;
  /** How long a channel change may take until the coordinator reports the new channel; 30 s by default. */
  readonly channelSettleMs?: number;
}

const DEFAULT_CHANNEL_SETTLE_MS = 30_000;
const CHANNEL_POLL_MS = 100;
/** Mgmt_NWK_Update_req scan duration that asks for a channel change (ZigBee spec 2.4.3.3.9). */
const CHANNEL_CHANGE_DURATION = 0xfe;

/** The channel a real network was moved to, beside herdsman's database, with the configured one it replaced. */
interface MovedChannel {
  readonly channel: number;
  readonly configuredChannel: number;
  readonly movedAt: string;
}

type ControllerOptions = ConstructorParameters<typeof Controller>[0];

export function zigbeeNodeId(ieee: string): string {
  return `zigbee:${ieee}`;
}

/**
 * The ZigBee driver of the gateway agent: zigbee-herdsman's Controller on a real coordinator or on the virtual one.
 * Joins, interviews and leaves become node events; attribute reports and read responses become payloads; after an
 * interview the device's zigbee-herdsman-converters definition configures its bindings and reporting.
 */
export class ZigbeeSource implements FrameSource {
  readonly name = 'zigbee';
  private controller: Controller | undefined;
  private adapter: Adapter | undefined;
  private virtual: VirtualCoordinatorAdapter | undefined;
  private sink: FrameSink | undefined;
  private simulation: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly recent = new RecentTransactions();
  private readonly updating = new Set<string>();
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly channelSettleMs: number;

  constructor(
    private readonly settings: ZigbeeSettings,
    options: ZigbeeSourceOptions,
  ) {
    this.logger = options.logger.child({ component: 'zigbee' });
    this.now = options.now ?? (() => new Date());
    this.channelSettleMs = options.channelSettleMs ?? DEFAULT_CHANNEL_SETTLE_MS;
  }

  /** The virtual coordinator and its devices, when the settings ask for one. */
  get virtualCoordinator(): VirtualCoordinatorAdapter | undefined {
    return this.virtual;
  }

  async start(sink: FrameSink): Promise<void> {
    if (this.controller) throw new Error('the zigbee source is running already');
    routeZigbeeLibraryLogs(this.logger);
    mkdirSync(dirname(this.settings.databasePath), { recursive: true });
    this.sink = sink;
    this.stopping = false;
    const channel = this.startChannel();
    const controller = new Controller(this.controllerOptions(channel));
    controller.on('deviceJoined', ({ device }) => this.report('joined', device.ieeeAddr, { networkAddress: device.networkAddress }));
    controller.on('deviceInterview', (event) => this.onInterview(event));
    controller.on('deviceLeave', ({ ieeeAddr }) => this.report('left', ieeeAddr, {}));
    controller.on('message', (message) => this.onMessage(message));
    const virtual = this.settings.virtual;
    try {
      // The adapter is kept (herdsman's is private) to read the network parameters afresh after a channel change.
      await withAdapterFactory(
        async (network, serialPort, backupPath, adapterOptions) => {
          if (virtual) this.virtual = new VirtualCoordinatorAdapter(network, serialPort, backupPath, adapterOptions, virtual.devices);
          this.adapter = this.virtual ?? (await Adapter.create(network, serialPort, backupPath, adapterOptions));
          return this.adapter;
        },
        () => controller.start(),
      );
    } catch (error) {
      controller.removeAllListeners();
      this.adapter = undefined;
      this.virtual = undefined;
      const coordinator = this.settings.serialPort?.path ?? 'virtual';
      throw new Error(`zigbee coordinator ${coordinator} did not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    this.controller = controller;
    this.logger.info({ coordinator: this.settings.serialPort?.path ?? 'virtual', channel }, 'zigbee network up');
    if (virtual && virtual.permitJoinSeconds > 0) await this.permitJoin(virtual.permitJoinSeconds);
    if (virtual && virtual.simulateSeconds > 0) this.simulate(virtual.simulateSeconds);
  }

  async stop(): Promise<void> {
    const controller = this.controller;
    this.controller = undefined;
    this.stopping = true;
    clearInterval(this.simulation);
    this.simulation = undefined;
    if (!controller) return;
    controller.removeAllListeners();
    await controller.stop();
    this.adapter = undefined;
    this.virtual = undefined;
    this.logger.info('zigbee network stopped');
  }

  /** Opens the network for new devices; 0 closes it. */
  async permitJoin(seconds: number): Promise<void> {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 254) throw new Error(`permit join takes 0..254 seconds, got ${seconds}`);
    await this.requireController().permitJoin(seconds);
    this.logger.info({ seconds }, seconds > 0 ? 'zigbee joining permitted' : 'zigbee joining closed');
  }

  permitJoinState(): { readonly open: boolean; readonly until: string | null } {
    const controller = this.requireController();
    const end = controller.getPermitJoinEnd();
    const open = controller.getPermitJoin();
    return { open, until: open && end !== undefined ? new Date(end).toISOString() : null };
  }

  /**
   * Moves the running network to `channel`. herdsman 10.9 changes channels only inside `Controller.start()` (its
   * `changeChannel` is private, run when the configured channel differs from a resumed network's), so the same
   * Mgmt_NWK_Update_req broadcast goes out through its public ZDO API (`sendRaw`); then the coordinator is asked
   * until it reports the new channel. The answer is what it reports, read from the adapter: the Controller caches
   * its network parameters for life. A real network's new channel is recorded beside the database and used at the
   * next start, or herdsman would move the network back to the configured channel.
   */
  async changeChannel(channel: number): Promise<ZigbeeNetworkParameters> {
    if (!Number.isInteger(channel) || channel < 11 || channel > 26) throw new Error(`a ZigBee channel is 11..26, got ${channel}`);
    const controller = this.requireController();
    const adapter = this.adapter;
    if (!adapter) throw new Error('the zigbee source is not started');
    const before = await adapter.getNetworkParameters();
    if (before.channel !== channel) {
      this.logger.warn({ from: before.channel, to: channel }, 'zigbee network changing channel');
      await controller.sendRaw({
        profileId: Zdo.ZDO_PROFILE_ID,
        ieeeAddress: ZSpec.BLANK_EUI64,
        networkAddress: ZSpec.BroadcastAddress.SLEEPY,
        clusterKey: Zdo.ClusterId.NWK_UPDATE_REQUEST,
        zdoParams: [[channel], CHANNEL_CHANGE_DURATION, undefined, (before.nwkUpdateID + 1) & 0xff, undefined],
        disableResponse: true,
      });
      const deadline = Date.now() + this.channelSettleMs;
      while ((await adapter.getNetworkParameters()).channel !== channel && Date.now() < deadline && this.controller === controller) {
        await new Promise((resolve) => setTimeout(resolve, CHANNEL_POLL_MS));
      }
    }
    const after = await adapter.getNetworkParameters();
    if (after.channel === channel && before.channel !== channel) {
      this.rememberChannel(channel);
      this.logger.info({ channel, nwkUpdateId: after.nwkUpdateID }, 'zigbee network on its new channel');
    }
    return { channel: after.channel, panId: after.panID, extendedPanId: after.extendedPanID, nwkUpdateId: after.nwkUpdateID };
  }

  command(request: DeviceCommand): Promise<DeviceCommandOutcome> {
    return applyZigbeeCommand(this, request);
  }

  configure(request: DeviceConfiguration): Promise<DeviceCommandOutcome> {
    return applyZigbeeConfiguration(this, request);
  }

  /** ZCL configureReporting on the first endpoint with the cluster; herdsman throws unless the device answers SUCCESS. */
  async configureReporting(ieee: string, request: ReportingRequest): Promise<number> {
    const device = this.requireController().getDeviceByIeeeAddr(ieee);
    if (!device) throw new Error(`no ZigBee device ${ieee} on this network`);
    const endpoint = device.endpoints.find((e) => e.supportsInputCluster(request.cluster));
    if (!endpoint) throw new Error(`ZigBee device ${ieee} has no endpoint with ${request.cluster}`);
    // The cluster is chosen at run time, so the attribute name cannot be checked against it statically.
    await endpoint.configureReporting<string>(request.cluster, [
      {
        attribute: request.attribute as never,
        minimumReportInterval: request.minimumReportInterval,
        maximumReportInterval: request.maximumReportInterval,
        reportableChange: request.reportableChange,
      },
    ]);
    return endpoint.ID;
  }

  async otaSupport(ieee: string): Promise<{ model: string; ota: boolean } | undefined> {
    const device = this.requireController().getDeviceByIeeeAddr(ieee);
    const definition = device ? await findByDevice(device) : undefined;
    return definition ? { model: definition.model, ota: definition.ota !== undefined && definition.ota !== false } : undefined;
  }

  get hasOtaSource(): boolean {
    return this.settings.ota !== undefined;
  }

  /**
   * A firmware update over ZigBee OTA from the local index: the device is asked what it runs (imageNotify →
   * queryNextImageRequest), the image for its manufacturer code, image type and the requested version is checked,
   * herdsman's `updateOta` serves it, and the device is asked again after its reboot. Applied only when herdsman's
   * `to` and the device's own new answer both show the image's file version.
   */
  async updateFirmware(ieee: string, version: string): Promise<DeviceCommandOutcome> {
    const ota = this.settings.ota;
    if (!ota) return { ok: false, detail: 'firmware update not supported on this gateway: no OTA image source is configured' };
    const device = this.requireController().getDeviceByIeeeAddr(ieee);
    if (!device) return { ok: false, detail: `no ZigBee device ${ieee} on this network` };
    const endpoint = device.endpoints.find((e) => e.supportsOutputCluster('genOta'));
    if (!endpoint) return { ok: false, detail: `firmware update not supported: ${ieee} has no endpoint with the OTA client cluster` };
    if (this.updating.has(ieee)) return { ok: false, detail: `an OTA update of ${ieee} is running already` };
    this.updating.add(ieee);
    try {
      return await this.runOta(device, endpoint, ota, version);
    } finally {
      this.updating.delete(ieee);
    }
  }

  private async runOta(device: Models.Device, endpoint: Models.Endpoint, ota: NonNullable<ZigbeeSettings['ota']>, version: string): Promise<DeviceCommandOutcome> {
    const definition = await findByDevice(device);
    const extraMetas: OtaExtraMetas = typeof definition?.ota === 'object' ? definition.ota : {};
    // checkOta against our own local index (an absolute path: herdsman never falls back to its internet index here).
    const indexSource = { url: ota.indexPath };
    const ask = async (): Promise<{ manufacturerCode: number; imageType: number; fileVersion: number }> => (await device.checkOta(indexSource, undefined, extraMetas, endpoint)).current;
    let index;
    try {
      index = loadOtaIndex(ota.indexPath);
    } catch (error) {
      if (error instanceof OtaIndexError) return { ok: false, detail: error.message };
      throw error;
    }
    let before;
    try {
      before = await ask();
    } catch (error) {
      return { ok: false, detail: `the device did not answer the OTA image notify: ${errorText(error)}` };
    }
    const found = findOtaImage(index, { manufacturerCode: before.manufacturerCode, imageType: before.imageType, modelId: device.modelID, manufacturerName: device.manufacturerName }, version);
    if ('problem' in found) return { ok: false, detail: found.problem };
    const entry = found.image;
    const target = otaHex(entry.fileVersion, 8);
    if (before.fileVersion === entry.fileVersion) return { ok: true, detail: `the device runs file version ${target} already (${device.softwareBuildID ?? 'no swBuildId'})` };
    try {
      readOtaImage(entry);
    } catch (error) {
      if (error instanceof OtaIndexError) return { ok: false, detail: error.message };
      throw error;
    }
    this.logger.info({ ieee: device.ieeeAddr, from: otaHex(before.fileVersion, 8), to: target, image: entry.path }, 'zigbee OTA update starting');
    let to;
    try {
      [, to] = await device.updateOta(
        { url: entry.path, downgrade: entry.fileVersion < before.fileVersion },
        undefined,
        undefined,
        extraMetas,
        () => undefined,
        { requestTimeout: ota.requestTimeoutMs, responseDelay: ota.responseDelayMs, baseSize: ota.blockSize },
        endpoint,
      );
    } catch (error) {
      this.logger.warn({ ieee: device.ieeeAddr, err: error }, 'zigbee OTA update failed');
      return { ok: false, detail: `OTA update to ${target} failed: ${errorText(error)}` };
    }
    if (!to) return { ok: false, detail: `the device did not take the image: it reported file version ${otaHex(before.fileVersion, 8)} and herdsman offered none` };
    if (to.fileVersion !== entry.fileVersion) return { ok: false, detail: `the update ended on file version ${otaHex(to.fileVersion, 8)}, not ${target}` };
    let after;
    try {
      after = await ask();
    } catch (error) {
      return { ok: false, detail: `the image was sent, but the device did not answer afterwards: ${errorText(error)}` };
    }
    if (after.fileVersion !== entry.fileVersion) return { ok: false, detail: `the image was sent, but the device reports file version ${otaHex(after.fileVersion, 8)}, not ${target}` };
    const softwareBuildId = await this.readSoftwareBuildId(device);
    this.logger.info({ ieee: device.ieeeAddr, fileVersion: target, softwareBuildId }, 'zigbee OTA update applied');
    this.report('interviewed', device.ieeeAddr, {
      model: definition?.model ?? device.modelID ?? null,
      vendor: definition?.vendor ?? device.manufacturerName ?? null,
      firmware: device.softwareBuildID ?? null,
      supported: definition !== undefined,
      configured: true,
    });
    return { ok: true, detail: `OTA update ${otaHex(before.fileVersion, 8)} → ${target}: the device reports file version ${target}${softwareBuildId ? `, swBuildId ${softwareBuildId}` : ''}` };
  }

  /** Reads genBasic swBuildId afresh after an update and keeps it on herdsman's device; undefined when unread. */
  private async readSoftwareBuildId(device: Models.Device): Promise<string | undefined> {
    const basic = device.endpoints.find((e) => e.supportsInputCluster('genBasic'));
    if (!basic) return undefined;
    try {
      const answer = await basic.read('genBasic', ['swBuildId']);
      if (typeof answer.swBuildId === 'string') {
        device.softwareBuildID = answer.swBuildId;
        device.save();
      }
      return typeof answer.swBuildId === 'string' ? answer.swBuildId : undefined;
    } catch (error) {
      this.logger.warn({ ieee: device.ieeeAddr, err: error }, 'zigbee swBuildId not read after the OTA update');
      return undefined;
    }
  }

  async setOnOff(ieee: string, endpointId: number, action: OnOffAction): Promise<void> {
    const device = this.requireController().getDeviceByIeeeAddr(ieee.toLowerCase());
    if (!device) throw new Error(`no ZigBee device ${ieee} on this network`);
    const endpoint = device.getEndpoint(endpointId);
    if (!endpoint) throw new Error(`ZigBee device ${ieee} has no endpoint ${endpointId}`);
    await endpoint.command('genOnOff', action, {});
  }

  private simulate(everySeconds: number): void {
    const simulation = new VirtualDeviceSimulation();
    this.simulation = setInterval(() => {
      if (this.virtual) simulation.tick(this.virtual.devices, everySeconds, this.now());
    }, everySeconds * 1000);
    this.simulation.unref();
  }

  private get movedChannelPath(): string {
    return join(dirname(this.settings.databasePath), 'network-channel.json');
  }

  /**
   * The configured channel, unless a real network was moved since (and gateway.json still names the channel it was
   * moved from). A virtual network is formed anew at every start, so it always starts on the configured channel.
   */
  private startChannel(): number {
    const configured = this.settings.channel;
    if (!this.settings.serialPort) return configured;
    let moved: Partial<MovedChannel>;
    try {
      moved = JSON.parse(readFileSync(this.movedChannelPath, 'utf8')) as Partial<MovedChannel>;
    } catch {
      return configured;
    }
    if (moved.configuredChannel !== configured || typeof moved.channel !== 'number' || moved.channel < 11 || moved.channel > 26) return configured;
    this.logger.info({ channel: moved.channel, configuredChannel: configured, movedAt: moved.movedAt }, 'zigbee network starts on the channel it was moved to');
    return moved.channel;
  }

  private rememberChannel(channel: number): void {
    if (!this.settings.serialPort) return;
    const moved: MovedChannel = { channel, configuredChannel: this.settings.channel, movedAt: this.now().toISOString() };
    const temporary = `${this.movedChannelPath}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(moved)}\n`);
    renameSync(temporary, this.movedChannelPath);
  }

  private controllerOptions(channel: number): ControllerOptions {
    const { databasePath, serialPort, panId, networkKey } = this.settings;
    return {
      network: { panID: panId, channelList: [channel], networkKey: [...networkKey] },
      serialPort: serialPort ? { ...serialPort } : { path: 'virtual' },
      databasePath,
      databaseBackupPath: `${databasePath}.backup`,
      backupPath: join(dirname(databasePath), 'coordinator-backup.json'),
      adapter: { disableLED: false },
      acceptJoiningDeviceHandler: async () => Promise.resolve(true),
    };
  }

  private onInterview({ status, device }: Events.DeviceInterviewPayload): void {
    switch (status) {
      case 'started':
        return;
      case 'failed':
        this.logger.warn({ ieee: device.ieeeAddr }, 'zigbee interview failed; the device is asked again when it rejoins');
        return;
      case 'successful':
        this.afterInterview(device).catch((error: unknown) => this.logger.error({ ieee: device.ieeeAddr, err: error }, 'zigbee post-interview failed'));
        return;
    }
  }

  /** `interviewed` goes out once configure has run, so the server learns whether reporting is set up. */
  private async afterInterview(device: Models.Device): Promise<void> {
    const definition = await findByDevice(device);
    const configured = definition ? await this.runDefinitionConfigure(device, definition) : false;
    this.report('interviewed', device.ieeeAddr, {
      model: definition?.model ?? device.modelID ?? null,
      vendor: definition?.vendor ?? device.manufacturerName ?? null,
      firmware: device.softwareBuildID ?? null,
      supported: definition !== undefined,
      configured,
    });
  }

  private async runDefinitionConfigure(device: Models.Device, definition: Definition): Promise<boolean> {
    const coordinatorEndpoint = this.controller?.getDevicesByType('Coordinator')[0]?.getEndpoint(1);
    if (!definition.configure || !coordinatorEndpoint) return false;
    try {
      await definition.configure(device, coordinatorEndpoint, definition);
      device.save();
      this.logger.info({ ieee: device.ieeeAddr, model: definition.model }, 'zigbee device configured');
      return true;
    } catch (error) {
      const level = this.stopping ? 'debug' : 'warn';
      this.logger[level]({ ieee: device.ieeeAddr, model: definition.model, err: error }, 'zigbee configure failed; readings may arrive only when polled');
      return false;
    }
  }

  private onMessage(message: Events.MessagePayload): void {
    if (message.type !== 'attributeReport' && message.type !== 'readResponse') return;
    const { device, endpoint } = message;
    // Until the interview is done the model is unknown and the server could not convert anything.
    if (device.interviewState !== InterviewState.Successful || !device.modelID) return;
    const cluster = String(message.cluster);
    const tsn = message.meta.zclTransactionSequenceNumber;
    if (tsn !== undefined && this.recent.isRepeat(`${device.ieeeAddr}/${endpoint.ID}/${cluster}/${message.type}/${tsn}`)) return;
    const payload: ZigbeePayload = {
      kind: 'zigbee',
      ieee: device.ieeeAddr,
      endpoint: endpoint.ID,
      cluster,
      type: message.type,
      data: toJsonValue(message.data) as Record<string, unknown>,
      modelId: device.modelID,
      ...(device.manufacturerName !== undefined ? { manufacturerName: device.manufacturerName } : {}),
      linkquality: message.linkquality,
      ...(tsn !== undefined ? { tsn } : {}),
      measuredAt: this.now().toISOString(),
      meta: scaleAttributes(endpoint, cluster),
    };
    if (!this.sink?.push(payload)) this.logger.warn({ ieee: device.ieeeAddr, cluster }, 'zigbee payload refused by the agent');
  }

  private report(event: 'joined' | 'interviewed' | 'left', ieee: string, detail: Record<string, unknown>): void {
    // An interview finishing during stop must not reach an agent that is closing its outbox.
    if (this.stopping) return;
    this.logger.info({ ieee, event, ...detail }, `zigbee device ${event}`);
    this.sink?.nodeEvent({ event, nodeId: zigbeeNodeId(ieee), at: this.now().toISOString(), detail });
  }

  private requireController(): Controller {
    if (!this.controller) throw new Error('the zigbee source is not started');
    return this.controller;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

function logLevel(): 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent' {
  const level = process.env.LOG_LEVEL;
  return level === 'trace' || level === 'debug' || level === 'warn' || level === 'error' || level === 'fatal' || level === 'silent' ? level : 'info';
}

/** `adapter: { kind: "zigbee", databasePath, serialPort? | virtual?, panId?, channel?, networkKey? }` in gateway.json. */
export const createZigbeeSource: FrameSourceFactory = (settings) =>
  new ZigbeeSource(parseZigbeeSettings(settings), { logger: createLogger(logLevel()) });
