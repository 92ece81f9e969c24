import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { Controller, type Events, type Models } from 'zigbee-herdsman';
import { Adapter } from 'zigbee-herdsman/dist/adapter/adapter.js';
import { InterviewState } from 'zigbee-herdsman/dist/controller/model/device.js';
import { findByDevice } from 'zigbee-herdsman-converters';
import type {
  DeviceCommand,
  DeviceCommandOutcome,
  DeviceConfiguration,
  FrameSink,
  FrameSource,
  FrameSourceFactory,
} from '../../application/ports/frame-source.port.js';
import { createLogger } from '../logging/logger.js';
import { withAdapterFactory } from './adapter-factory.hook.js';
import { applyZigbeeCommand, type OnOffAction, type ZigbeeNetworkParameters } from './zigbee-commands.js';
import { applyZigbeeConfiguration, type ReportingRequest } from './zigbee-configuration.js';
import type { RememberedSetting } from '../agent-state/remembered-setting.js';
import { channelMemory, checkChannel, moveToChannel } from './zigbee-channel.js';
import { RecentTransactions } from './recent-transactions.js';
import { VirtualCoordinatorAdapter } from './virtual-coordinator.adapter.js';
import { VirtualDeviceSimulation } from './virtual-device-simulation.js';
import { runOtaUpdate } from './zigbee-ota-update.js';
import { routeZigbeeLibraryLogs, zigbeeLogLevel } from './zigbee-logging.js';
import { configureByDefinition, interviewedDetail } from './zigbee-definition.js';
import { zigbeePayload } from './zigbee-message-payload.js';
import { parseZigbeeSettings, type ZigbeeSettings } from './zigbee-settings.js';

export interface ZigbeeSourceOptions {
  readonly logger: Logger;
  readonly now?: () => Date;
  /** How long a channel change may take until the coordinator reports the new channel; 30 s by default. */
  readonly channelSettleMs?: number;
}

const DEFAULT_CHANNEL_SETTLE_MS = 30_000;

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
  private channelMemory: RememberedSetting | undefined;

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
    this.channelMemory = this.settings.serialPort ? channelMemory(this.settings.databasePath, this.logger) : undefined;
    const channel = this.channelMemory
      ? this.channelMemory.initial(this.settings.channel, checkChannel)
      : this.settings.channel;
    const controller = new Controller(this.controllerOptions(channel));
    controller.on('deviceJoined', ({ device }) =>
      this.report('joined', device.ieeeAddr, { networkAddress: device.networkAddress }),
    );
    controller.on('deviceInterview', (event) => this.onInterview(event));
    controller.on('deviceLeave', ({ ieeeAddr }) => this.report('left', ieeeAddr, {}));
    controller.on('message', (message) => this.onMessage(message));
    const virtual = this.settings.virtual;
    try {
      // The adapter is kept (herdsman's is private) to read the network parameters afresh after a channel change.
      await withAdapterFactory(
        async (network, serialPort, backupPath, adapterOptions) => {
          if (virtual)
            this.virtual = new VirtualCoordinatorAdapter(
              network,
              serialPort,
              backupPath,
              adapterOptions,
              virtual.devices,
            );
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
      throw new Error(
        `zigbee coordinator ${coordinator} did not start: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
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
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 254)
      throw new Error(`permit join takes 0..254 seconds, got ${seconds}`);
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
   * Moves the running network to `channel` and answers what the coordinator then reports; a real network's new
   * channel is kept for the next start (`channelMemory`).
   */
  async changeChannel(channel: number): Promise<ZigbeeNetworkParameters> {
    checkChannel(channel);
    const controller = this.requireController();
    const adapter = this.adapter;
    if (!adapter) throw new Error('the zigbee source is not started');
    const { before, after } = await moveToChannel(controller, adapter, channel, {
      settleMs: this.channelSettleMs,
      running: () => this.controller === controller,
      logger: this.logger,
    });
    if (after.channel === channel && before.channel !== channel) {
      this.channelMemory?.remember(channel, this.settings.channel, this.now());
      this.logger.info({ channel, nwkUpdateId: after.nwkUpdateID }, 'zigbee network on its new channel');
    }
    return {
      channel: after.channel,
      panId: after.panID,
      extendedPanId: after.extendedPanID,
      nwkUpdateId: after.nwkUpdateID,
    };
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
    return definition
      ? { model: definition.model, ota: definition.ota !== undefined && definition.ota !== false }
      : undefined;
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
    if (!ota)
      return { ok: false, detail: 'firmware update not supported on this gateway: no OTA image source is configured' };
    const device = this.requireController().getDeviceByIeeeAddr(ieee);
    if (!device) return { ok: false, detail: `no ZigBee device ${ieee} on this network` };
    const endpoint = device.endpoints.find((e) => e.supportsOutputCluster('genOta'));
    if (!endpoint)
      return {
        ok: false,
        detail: `firmware update not supported: ${ieee} has no endpoint with the OTA client cluster`,
      };
    if (this.updating.has(ieee)) return { ok: false, detail: `an OTA update of ${ieee} is running already` };
    this.updating.add(ieee);
    try {
      return await runOtaUpdate(device, endpoint, ota, version, {
        logger: this.logger,
        interviewed: (detail) => this.report('interviewed', device.ieeeAddr, detail),
      });
    } finally {
      this.updating.delete(ieee);
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
        this.logger.warn(
          { ieee: device.ieeeAddr },
          'zigbee interview failed; the device is asked again when it rejoins',
        );
        return;
      case 'successful':
        this.afterInterview(device).catch((error: unknown) =>
          this.logger.error({ ieee: device.ieeeAddr, err: error }, 'zigbee post-interview failed'),
        );
        return;
    }
  }

  /** `interviewed` goes out once configure has run, so the server learns whether reporting is set up. */
  private async afterInterview(device: Models.Device): Promise<void> {
    const definition = await findByDevice(device);
    const coordinatorEndpoint = this.controller?.getDevicesByType('Coordinator')[0]?.getEndpoint(1);
    const configured =
      definition && coordinatorEndpoint
        ? await configureByDefinition(device, definition, coordinatorEndpoint, this.logger, () => this.stopping)
        : false;
    this.report('interviewed', device.ieeeAddr, interviewedDetail(device, definition, configured));
  }

  private onMessage(message: Events.MessagePayload): void {
    const type = message.type;
    if (type !== 'attributeReport' && type !== 'readResponse') return;
    const { device, endpoint } = message;
    // Until the interview is done the model is unknown and the server could not convert anything.
    if (device.interviewState !== InterviewState.Successful || !device.modelID) return;
    const cluster = String(message.cluster);
    const tsn = message.meta.zclTransactionSequenceNumber;
    if (tsn !== undefined && this.recent.isRepeat(`${device.ieeeAddr}/${endpoint.ID}/${cluster}/${type}/${tsn}`))
      return;
    const payload = zigbeePayload(message, type, device.modelID, this.now());
    if (!this.sink?.push(payload))
      this.logger.warn({ ieee: device.ieeeAddr, cluster }, 'zigbee payload refused by the agent');
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

/** `adapter: { kind: "zigbee", databasePath, serialPort? | virtual?, panId?, channel?, networkKey? }` in gateway.json. */
export const createZigbeeSource: FrameSourceFactory = (settings) =>
  new ZigbeeSource(parseZigbeeSettings(settings), { logger: createLogger(zigbeeLogLevel()) });
