import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { Controller } from 'zigbee-herdsman';
import type { Adapter } from 'zigbee-herdsman/dist/adapter/adapter.js';
import type {
  DeviceCommand,
  DeviceCommandOutcome,
  DeviceConfiguration,
  FrameSink,
  FrameSource,
  FrameSourceFactory,
} from '../../application/ports/frame-source.port.js';
import { createLogger } from '../logging/logger.js';
import { applyZigbeeCommand, type OnOffAction, type ZigbeeNetworkParameters } from './zigbee-commands.js';
import { applyZigbeeConfiguration, type ReportingRequest } from './zigbee-configuration.js';
import type { RememberedSetting } from '../agent-state/remembered-setting.js';
import { channelMemory, checkChannel, moveToChannel } from './zigbee-channel.js';
import type { VirtualCoordinatorAdapter } from './virtual-coordinator.adapter.js';
import { VirtualDeviceSimulation } from './virtual-device-simulation.js';
import { runOtaUpdate } from './zigbee-ota-update.js';
import { routeZigbeeLibraryLogs, zigbeeLogLevel } from './zigbee-logging.js';
import { ZigbeeDeviceEvents } from './zigbee-device-events.js';
import { controllerOptions, startController } from './zigbee-controller.js';
import { configureDeviceReporting, deviceOtaSupport, switchDevice } from './zigbee-device-requests.js';
import { parseZigbeeSettings, type ZigbeeSettings } from './zigbee-settings.js';

export interface ZigbeeSourceOptions {
  readonly logger: Logger;
  readonly now?: () => Date;
  /** How long a channel change may take until the coordinator reports the new channel; 30 s by default. */
  readonly channelSettleMs?: number;
}

const DEFAULT_CHANNEL_SETTLE_MS = 30_000;

export { zigbeeNodeId } from './zigbee-device-events.js';

/**
 * The ZigBee driver of the gateway agent: zigbee-herdsman's Controller on a real coordinator or on the virtual one,
 * started and stopped here, with the network and device commands the agent asks for. What the network reports is
 * turned into node events and payloads by ZigbeeDeviceEvents.
 */
export class ZigbeeSource implements FrameSource {
  readonly name = 'zigbee';
  private controller: Controller | undefined;
  private adapter: Adapter | undefined;
  private virtual: VirtualCoordinatorAdapter | undefined;
  private sink: FrameSink | undefined;
  private simulation: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly events: ZigbeeDeviceEvents;
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
    this.events = new ZigbeeDeviceEvents({
      logger: this.logger,
      now: this.now,
      controller: () => this.controller,
      sink: () => this.sink,
      stopping: () => this.stopping,
    });
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
    const controller = new Controller(controllerOptions(this.settings, channel));
    this.events.listen(controller);
    try {
      // The adapter is kept (herdsman's is private) to read the network parameters afresh after a channel change.
      await startController(controller, this.settings, (adapter, virtual) => {
        this.adapter = adapter;
        this.virtual = virtual;
      });
    } catch (error) {
      this.adapter = undefined;
      this.virtual = undefined;
      throw error;
    }
    this.controller = controller;
    this.logger.info({ coordinator: this.settings.serialPort?.path ?? 'virtual', channel }, 'zigbee network up');
    const virtual = this.settings.virtual;
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

  async configureReporting(ieee: string, request: ReportingRequest): Promise<number> {
    return configureDeviceReporting(this.requireController(), ieee, request);
  }

  async otaSupport(ieee: string): Promise<{ model: string; ota: boolean } | undefined> {
    return deviceOtaSupport(this.requireController(), ieee);
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
        interviewed: (detail) => this.events.report('interviewed', device.ieeeAddr, detail),
      });
    } finally {
      this.updating.delete(ieee);
    }
  }

  async setOnOff(ieee: string, endpointId: number, action: OnOffAction): Promise<void> {
    return switchDevice(this.requireController(), ieee, endpointId, action);
  }

  private simulate(everySeconds: number): void {
    const simulation = new VirtualDeviceSimulation();
    this.simulation = setInterval(() => {
      if (this.virtual) simulation.tick(this.virtual.devices, everySeconds, this.now());
    }, everySeconds * 1000);
    this.simulation.unref();
  }

  private requireController(): Controller {
    if (!this.controller) throw new Error('the zigbee source is not started');
    return this.controller;
  }
}

/** `adapter: { kind: "zigbee", databasePath, serialPort? | virtual?, panId?, channel?, networkKey? }` in gateway.json. */
export const createZigbeeSource: FrameSourceFactory = (settings) =>
  new ZigbeeSource(parseZigbeeSettings(settings), { logger: createLogger(zigbeeLogLevel()) });
