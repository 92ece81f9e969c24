import { randomBytes } from 'node:crypto';
import { connect, ErrorWithReasonCode, type IClientOptions, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import {
  NETWORK_CONFIG_ACTION,
  type DeviceCommand,
  type DeviceCommandOutcome,
  type DeviceConfiguration,
  type FrameSink,
  type FrameSource,
  type FrameSourceFactory,
  type NodeEventReport,
} from '../../application/ports/frame-source.port.js';
import { ZIGBEE2MQTT_KIND } from '../../domain/metering/protocols/zigbee2mqtt/zigbee2mqtt.decoder.js';
import { parseZigbee2MqttTopic } from '../../domain/metering/protocols/zigbee2mqtt/zigbee2mqtt-topic.js';
import { createLogger } from '../logging/logger.js';
import { BridgeRequests } from './zigbee2mqtt-bridge-requests.js';
import { networkChangeThroughBridge } from './zigbee2mqtt-network.js';
import { configureThroughBridge } from './zigbee2mqtt-configuration.js';
import { Zigbee2MqttInventory } from './zigbee2mqtt-inventory.js';
import { brokerLabel, parseZigbee2MqttSettings, type Zigbee2MqttSettings } from './zigbee2mqtt-settings.js';

export type SwitchCommand = 'ON' | 'OFF' | 'TOGGLE';

export interface Zigbee2MqttSourceDeps {
  readonly logger: Logger;
  /** The gateway's clock: a device message is measured when it reaches the agent. */
  readonly now: () => Date;
  /** How long start() waits for the first connection before returning and leaving mqtt to keep retrying. */
  readonly firstConnectWaitMs?: number;
  readonly reconnectPeriodMs?: number;
}

function parseJson(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a zigbee2mqtt bridge over MQTT: device state messages become native payloads for the server, the bridge's
 * device list and events become node events. Subscribes with a clean session, so messages published while the agent
 * was away are not replayed late with a wrong measuredAt; retained device states are skipped for the same reason.
 */
export class Zigbee2MqttSource implements FrameSource {
  readonly name = 'zigbee2mqtt';
  private client: MqttClient | undefined;
  private sink: FrameSink | undefined;
  private readonly inventory = new Zigbee2MqttInventory();
  private readonly bridge = new BridgeRequests();
  private readonly log: Logger;
  private readonly broker: string;
  private lastError: string | undefined;

  constructor(
    private readonly settings: Zigbee2MqttSettings,
    private readonly deps: Zigbee2MqttSourceDeps,
  ) {
    this.broker = brokerLabel(settings.url);
    this.log = deps.logger.child({ ns: 'wattlog:zigbee2mqtt', broker: this.broker, baseTopic: settings.baseTopic });
  }

  /** Connects and subscribes to `<base>/#`. Rejects only when the broker refuses the credentials on the first try. */
  async start(sink: FrameSink): Promise<void> {
    if (this.client) throw new Error('zigbee2mqtt source is already started');
    this.sink = sink;
    const options: IClientOptions = {
      clientId: this.settings.clientId ?? `wattlog-z2m-${randomBytes(4).toString('hex')}`,
      username: this.settings.username,
      password: this.settings.password,
      clean: true,
      // Subscribing again on every connect is explicit below; mqtt's own resubscribe would do it twice.
      resubscribe: false,
      reconnectPeriod: this.deps.reconnectPeriodMs ?? 2000,
      reconnectOnConnackError: true,
      connectTimeout: 10_000,
    };
    const client = connect(this.settings.url, options);
    this.client = client;
    client.on('message', (topic, payload, packet) => this.onMessage(topic, payload, packet.retain));
    client.on('offline', () => this.log.warn('no connection to the broker; reconnecting'));
    client.on('reconnect', () => this.log.debug('reconnecting to the broker'));
    client.on('error', (error) => this.onError(error));

    let firstConnect: (() => void) | undefined;
    let refused: ((error: Error) => void) | undefined;
    const connected = new Promise<void>((resolve, reject) => {
      firstConnect = resolve;
      refused = reject;
    });
    client.on('connect', (connack) => {
      this.lastError = undefined;
      client
        .subscribeAsync(`${this.settings.baseTopic}/#`, { qos: 1 })
        .then(() => {
          this.log.info({ sessionPresent: connack.sessionPresent }, 'connected to the broker and subscribed');
          firstConnect?.();
        })
        .catch((error: unknown) => this.log.error({ err: error }, 'subscribing to the zigbee2mqtt topics failed'));
    });
    const onFirstError = (error: Error): void => {
      // A connack refusal (bad credentials, not authorised) will not heal by waiting; a network error may.
      if (error instanceof ErrorWithReasonCode)
        refused?.(new Error(`zigbee2mqtt: broker ${this.broker} refused the connection: ${error.message}`));
    };
    client.on('error', onFirstError);

    const waitMs = this.deps.firstConnectWaitMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), waitMs);
    });
    try {
      const outcome = await Promise.race([connected.then(() => 'connected' as const), waited]);
      if (outcome === 'timeout')
        this.log.warn({ waitMs }, 'broker not reachable yet; starting anyway and retrying in the background');
    } catch (error) {
      await this.stop();
      throw error;
    } finally {
      clearTimeout(timer);
      client.off('error', onFirstError);
      firstConnect = undefined;
      refused = undefined;
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.sink = undefined;
    if (!client) return;
    client.removeAllListeners('message');
    // A graceful end waits for in-flight QoS 1 acknowledgements, which never come from a broker that is gone.
    let timer: NodeJS.Timeout | undefined;
    const forced = new Promise<void>((resolve) => {
      timer = setTimeout(() => resolve(client.endAsync(true)), 2000);
    });
    await Promise.race([client.endAsync(false), forced]);
    clearTimeout(timer);
    this.log.info('disconnected from the broker');
  }

  /** Switches a relay through zigbee2mqtt: `{"state":"ON"}` to `<base>/<name>/set`, QoS 1, resolved on the broker's ack. */
  async setState(friendlyName: string, state: SwitchCommand): Promise<void> {
    if (friendlyName === '' || /[+#\0]/.test(friendlyName))
      throw new Error(`zigbee2mqtt: invalid friendly name ${JSON.stringify(friendlyName)}`);
    if (state !== 'ON' && state !== 'OFF' && state !== 'TOGGLE')
      throw new Error(`zigbee2mqtt: state must be ON, OFF or TOGGLE (got ${JSON.stringify(state)})`);
    const client = this.client;
    // Refused rather than queued: a switch command delivered minutes later, after a reconnect, would surprise.
    if (!client?.connected) throw new Error(`zigbee2mqtt: not connected to the broker ${this.broker}`);
    await client.publishAsync(`${this.settings.baseTopic}/${friendlyName}/set`, JSON.stringify({ state }), { qos: 1 });
  }

  /**
   * `switch` { state: on|off|toggle } on a friendly name (the broker's QoS 1 ack is as far as zigbee2mqtt confirms);
   * `network_config` permit join through the bridge.
   */
  async command(request: DeviceCommand): Promise<DeviceCommandOutcome> {
    if (request.action === NETWORK_CONFIG_ACTION) {
      const client = this.client;
      const topic = `${this.settings.baseTopic}/bridge/request/permit_join`;
      const publish = client?.connected
        ? async (payload: string) => void (await client.publishAsync(topic, payload, { qos: 1 }))
        : null;
      return networkChangeThroughBridge(this.bridge, publish, request.params?.change, this.broker);
    }
    const state = ({ on: 'ON', off: 'OFF', toggle: 'TOGGLE' } as const)[
      String(request.params?.state) as 'on' | 'off' | 'toggle'
    ];
    if (request.action !== 'switch')
      return { ok: false, detail: `the zigbee2mqtt driver has no command ${JSON.stringify(request.action)}` };
    if (!state) return { ok: false, detail: 'switch takes params.state on, off or toggle' };
    await this.setState(request.target, state);
    return { ok: true, detail: `${request.target} ${state} published` };
  }

  /** Reporting through the bridge's configure_reporting request; see `configureThroughBridge`. */
  configure(request: DeviceConfiguration): Promise<DeviceCommandOutcome> {
    const client = this.client;
    const topic = `${this.settings.baseTopic}/bridge/request/device/configure_reporting`;
    return configureThroughBridge(
      this.bridge,
      client?.connected ? async (payload) => void (await client.publishAsync(topic, payload, { qos: 1 })) : null,
      request,
      this.broker,
    );
  }

  private onError(error: Error): void {
    // mqtt repeats the same error on every reconnect attempt; one line per distinct problem is enough.
    if (error.message === this.lastError) return;
    this.lastError = error.message;
    this.log.warn({ reason: error.message }, 'broker connection error');
  }

  private onMessage(topic: string, payload: Buffer, retained: boolean): void {
    const sink = this.sink;
    if (!sink) return;
    const parsed = parseZigbee2MqttTopic(topic, this.settings.baseTopic);
    switch (parsed.kind) {
      case 'bridge':
        this.onBridge(sink, parsed.path, payload);
        return;
      case 'availability':
        this.report(sink, [
          this.inventory.availability(parsed.friendlyName, parseJson(payload) ?? payload.toString('utf8'), this.at()),
        ]);
        return;
      case 'device':
        this.onDevice(sink, topic, parsed.friendlyName, payload, retained);
        return;
      case 'command':
      case 'other':
        return;
    }
  }

  private onBridge(sink: FrameSink, path: string, payload: Buffer): void {
    if (path.startsWith('response/')) {
      this.bridge.answer(parseJson(payload));
      return;
    }
    switch (path) {
      case 'devices': {
        const events = this.inventory.applyDeviceList(parseJson(payload), this.at());
        if (events) this.report(sink, events);
        else this.log.warn('bridge/devices is not a JSON array; device list ignored');
        return;
      }
      case 'groups':
        if (!this.inventory.applyGroupList(parseJson(payload)))
          this.log.warn('bridge/groups is not a JSON array; group list ignored');
        return;
      case 'event':
        this.report(sink, this.inventory.applyBridgeEvent(parseJson(payload), this.at()));
        return;
      case 'state': {
        const body = parseJson(payload);
        this.log.info(
          { bridge: isRecord(body) ? body.state : payload.toString('utf8').slice(0, 20) },
          'zigbee2mqtt bridge state',
        );
        return;
      }
      default:
        return;
    }
  }

  private onDevice(sink: FrameSink, topic: string, friendlyName: string, payload: Buffer, retained: boolean): void {
    // A retained state is the device's last word from some unknown time ago, not a measurement taken now.
    if (retained || this.inventory.isGroup(friendlyName)) return;
    const message = parseJson(payload);
    if (!isRecord(message)) return;
    const at = this.at();
    const ieee = this.inventory.ieeeOf(friendlyName);
    const native = {
      kind: ZIGBEE2MQTT_KIND,
      topic,
      message,
      ...(ieee ? { ieee } : {}),
      // The decoder takes the first topic level as the base unless told otherwise.
      ...(this.settings.baseTopic.includes('/') ? { baseTopic: this.settings.baseTopic } : {}),
      measuredAt: at,
    };
    if (!sink.push(native))
      this.log.warn({ topic, bytes: payload.length }, 'device message refused by the agent (too large or too deep)');
    this.report(sink, [this.inventory.linkQuality(friendlyName, message.linkquality, at)]);
  }

  private report(sink: FrameSink, events: readonly (NodeEventReport | undefined)[]): void {
    for (const event of events) if (event) sink.nodeEvent(event);
  }

  private at(): string {
    return this.deps.now().toISOString();
  }
}

/** A factory with the agent's logger and clock; `createZigbee2MqttSource` uses a default logger and the system clock. */
export function zigbee2MqttSourceFactory(deps: Partial<Zigbee2MqttSourceDeps> = {}): FrameSourceFactory {
  return (settings, networkType) =>
    new Zigbee2MqttSource(parseZigbee2MqttSettings(settings, networkType), {
      ...deps,
      logger: deps.logger ?? createLogger('info'),
      now: deps.now ?? (() => new Date()),
    });
}

export const createZigbee2MqttSource: FrameSourceFactory = zigbee2MqttSourceFactory();
