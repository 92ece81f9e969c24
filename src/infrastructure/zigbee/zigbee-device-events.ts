import type { Logger } from 'pino';
import type { Controller, Events, Models } from 'zigbee-herdsman';
import { InterviewState } from 'zigbee-herdsman/dist/controller/model/device.js';
import { findByDevice } from 'zigbee-herdsman-converters';
import type { FrameSink } from '../../application/ports/frame-source.port.js';
import { RecentTransactions } from './recent-transactions.js';
import { configureByDefinition, interviewedDetail } from './zigbee-definition.js';
import { zigbeePayload } from './zigbee-message-payload.js';

export function zigbeeNodeId(ieee: string): string {
  return `zigbee:${ieee}`;
}

/** What the events need of the running source; read at each event, since start and stop change them. */
export interface ZigbeeDeviceEventsContext {
  readonly logger: Logger;
  readonly now: () => Date;
  /** The started controller; undefined while starting and after stop. */
  readonly controller: () => Controller | undefined;
  readonly sink: () => FrameSink | undefined;
  readonly stopping: () => boolean;
}

/**
 * Turns what herdsman's Controller sees into what the agent is told: joins, interviews and leaves become node events;
 * attribute reports and read responses become payloads; after an interview the device's zigbee-herdsman-converters
 * definition configures its bindings and reporting.
 */
export class ZigbeeDeviceEvents {
  private readonly recent = new RecentTransactions();

  constructor(private readonly context: ZigbeeDeviceEventsContext) {}

  listen(controller: Controller): void {
    controller.on('deviceJoined', ({ device }) =>
      this.report('joined', device.ieeeAddr, { networkAddress: device.networkAddress }),
    );
    controller.on('deviceInterview', (event) => this.onInterview(event));
    controller.on('deviceLeave', ({ ieeeAddr }) => this.report('left', ieeeAddr, {}));
    controller.on('message', (message) => this.onMessage(message));
  }

  report(event: 'joined' | 'interviewed' | 'left', ieee: string, detail: Record<string, unknown>): void {
    // An interview finishing during stop must not reach an agent that is closing its outbox.
    if (this.context.stopping()) return;
    this.context.logger.info({ ieee, event, ...detail }, `zigbee device ${event}`);
    this.context.sink()?.nodeEvent({ event, nodeId: zigbeeNodeId(ieee), at: this.context.now().toISOString(), detail });
  }

  private onInterview({ status, device }: Events.DeviceInterviewPayload): void {
    switch (status) {
      case 'started':
        return;
      case 'failed':
        this.context.logger.warn(
          { ieee: device.ieeeAddr },
          'zigbee interview failed; the device is asked again when it rejoins',
        );
        return;
      case 'successful':
        this.afterInterview(device).catch((error: unknown) =>
          this.context.logger.error({ ieee: device.ieeeAddr, err: error }, 'zigbee post-interview failed'),
        );
        return;
    }
  }

  /** `interviewed` goes out once configure has run, so the server learns whether reporting is set up. */
  private async afterInterview(device: Models.Device): Promise<void> {
    const definition = await findByDevice(device);
    const coordinatorEndpoint = this.context.controller()?.getDevicesByType('Coordinator')[0]?.getEndpoint(1);
    const configured =
      definition && coordinatorEndpoint
        ? await configureByDefinition(
            device,
            definition,
            coordinatorEndpoint,
            this.context.logger,
            this.context.stopping,
          )
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
    const payload = zigbeePayload(message, type, device.modelID, this.context.now());
    if (!this.context.sink()?.push(payload))
      this.context.logger.warn({ ieee: device.ieeeAddr, cluster }, 'zigbee payload refused by the agent');
  }
}
