import { randomUUID } from 'node:crypto';
import { connectAsync, type MqttClient } from 'mqtt';

export interface SimulatedPlug {
  readonly ieee: string;
  readonly friendlyName: string;
  state: 'ON' | 'OFF';
  power: number;
}

export type ConfigureAnswer = { readonly status: 'ok' } | { readonly status: 'error'; readonly error: string };

/**
 * A zigbee2mqtt bridge on a real broker, as the agent meets it: a retained `bridge/devices` list, device state on
 * `<base>/<friendly name>`, `<base>/<name or IEEE>/set` switching a plug, and the request/response API answering
 * `bridge/request/device/configure_reporting` and `bridge/request/permit_join` on `bridge/response/…` with the
 * request's transaction echoed.
 */
export class SimulatedZigbee2MqttBridge {
  readonly configureRequests: Record<string, unknown>[] = [];
  readonly setRequests: { readonly topic: string; readonly body: unknown }[] = [];
  readonly permitJoinRequests: Record<string, unknown>[] = [];
  /** What configure_reporting answers next. */
  configureAnswer: ConfigureAnswer = { status: 'ok' };
  /** Whether a plug's relay follows a `set`; a stuck relay still reports its (unchanged) state. */
  relayFollows = true;
  private readonly retained = new Set<string>();

  private constructor(
    private readonly client: MqttClient,
    readonly base: string,
    readonly plugs: readonly SimulatedPlug[],
  ) {}

  static async start(url: string, base: string, plugs: readonly SimulatedPlug[]): Promise<SimulatedZigbee2MqttBridge> {
    const client = await connectAsync(url, { clientId: `bridge-${base}`, reconnectPeriod: 0 });
    const bridge = new SimulatedZigbee2MqttBridge(client, base, plugs);
    client.on('message', (topic, payload) => bridge.onMessage(topic, payload));
    await client.subscribeAsync([`${base}/bridge/request/#`, `${base}/+/set`], { qos: 1 });
    await bridge.publish('bridge/state', { state: 'online' }, true);
    await bridge.publish(
      'bridge/devices',
      [
        {
          ieee_address: '0x00124b0021c7f3a1',
          friendly_name: 'Coordinator',
          type: 'Coordinator',
          interview_completed: true,
        },
        ...plugs.map((plug) => ({
          ieee_address: plug.ieee,
          friendly_name: plug.friendlyName,
          type: 'Router',
          interview_completed: true,
          software_build_id: '2.3.087',
          definition: { model: 'E1603/E1702/E1708', vendor: 'IKEA', description: 'TRADFRI control outlet' },
        })),
      ],
      true,
    );
    return bridge;
  }

  /** The plug tells its state, as it does after a change or on its reporting schedule. */
  async report(plug: SimulatedPlug): Promise<void> {
    await this.publish(plug.friendlyName, {
      state: plug.state,
      power: plug.state === 'ON' ? plug.power : 0,
      linkquality: 120,
    });
  }

  /** Clears what it retained on the broker and disconnects. */
  async close(): Promise<void> {
    for (const topic of this.retained) await this.client.publishAsync(topic, '', { retain: true, qos: 1 });
    await this.client.endAsync();
  }

  private async publish(topic: string, body: unknown, retain = false): Promise<void> {
    const full = `${this.base}/${topic}`;
    if (retain) this.retained.add(full);
    await this.client.publishAsync(full, JSON.stringify(body), { qos: 1, retain });
  }

  private onMessage(topic: string, payload: Buffer): void {
    let body: unknown;
    try {
      body = JSON.parse(payload.toString('utf8')) as unknown;
    } catch {
      return;
    }
    if (topic === `${this.base}/bridge/request/device/configure_reporting`)
      void this.onConfigureReporting(body as Record<string, unknown>);
    else if (topic === `${this.base}/bridge/request/permit_join`)
      void this.onPermitJoin(body as Record<string, unknown>);
    else if (topic.endsWith('/set')) void this.onSet(topic, body);
  }

  private async onConfigureReporting(request: Record<string, unknown>): Promise<void> {
    this.configureRequests.push(request);
    // Another client's request is answered on the same topic first: only the echoed transaction tells them apart.
    await this.publish('bridge/response/device/configure_reporting', {
      data: {},
      status: 'error',
      error: 'not this one',
      transaction: randomUUID(),
    });
    const { transaction, ...data } = request;
    const answer = this.configureAnswer;
    await this.publish(
      'bridge/response/device/configure_reporting',
      answer.status === 'ok'
        ? { data, status: 'ok', transaction }
        : { data: {}, status: 'error', error: answer.error, transaction },
    );
  }

  /** zigbee2mqtt 2.x: `time` seconds (0 closes), answered with the time it applies and then in `bridge/info`. */
  private async onPermitJoin(request: Record<string, unknown>): Promise<void> {
    this.permitJoinRequests.push(request);
    const time = typeof request.time === 'number' ? request.time : 0;
    await this.publish('bridge/response/permit_join', {
      data: { time },
      status: 'ok',
      transaction: request.transaction,
    });
    await this.publish(
      'bridge/info',
      { permit_join: time > 0, permit_join_end: time > 0 ? Date.now() + time * 1000 : null },
      true,
    );
  }

  private async onSet(topic: string, body: unknown): Promise<void> {
    this.setRequests.push({ topic, body });
    const name = topic.slice(this.base.length + 1, -'/set'.length);
    const plug = this.plugs.find((p) => p.friendlyName === name || p.ieee === name);
    const wanted = (body as { state?: unknown } | null)?.state;
    if (!plug || (wanted !== 'ON' && wanted !== 'OFF' && wanted !== 'TOGGLE')) return;
    if (this.relayFollows) plug.state = wanted === 'TOGGLE' ? (plug.state === 'ON' ? 'OFF' : 'ON') : wanted;
    await this.report(plug);
  }
}
