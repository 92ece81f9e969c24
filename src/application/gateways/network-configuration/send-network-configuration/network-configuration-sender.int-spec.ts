import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { gatewayDecider } from '../../../../domain/gateways/gateway.decider.js';
import {
  networkConfigurationDecider,
  type NetworkConfigurationCommand,
} from '../../../../domain/gateways/network-configuration.decider.js';
import type { NetworkConfigurationChange } from '../../../../domain/gateways/network-configuration.events.js';
import { handleWithDecider, loadStream } from '../../../shared/decider-command.js';
import { GATEWAY_EVENTS, gatewayStream } from '../../gateway-stream.js';
import { NETWORK_CONFIGURATION_EVENTS } from '../network-stream.js';
import type { NetworkDelivery, NetworkLink } from '../ports/network-link.port.js';
import { NetworkConfigurationSender } from './network-configuration-sender.js';

/** A link whose gateways the test connects; each delivery waits until the test answers it. */
class ScriptedLink implements NetworkLink {
  readonly connected = new Set<string>();
  readonly delivered: {
    gatewayId: string;
    change: NetworkConfigurationChange;
    answer: (delivery: NetworkDelivery) => void;
  }[] = [];
  isConnected(gatewayId: string): boolean {
    return this.connected.has(gatewayId);
  }
  deliverNetworkConfiguration(gatewayId: string, change: NetworkConfigurationChange): Promise<NetworkDelivery> {
    return new Promise((answer) => this.delivered.push({ gatewayId, change, answer }));
  }
}

const channelReport = (channel: number) => ({
  kind: 'channel',
  channel,
  panId: 0x1a62,
  extendedPanId: '0x0102030405060708',
  nwkUpdateId: 1,
});

async function until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('network configuration sender', () => {
  let b: SqlBackend;
  const status = async (gatewayId: string, requestId: string) =>
    (await loadStream(b.store, gatewayStream(gatewayId), networkConfigurationDecider, NETWORK_CONFIGURATION_EVENTS))
      .state.requests[requestId];

  async function register(gatewayId: string): Promise<void> {
    const command = {
      type: 'RegisterGateway',
      data: {
        gatewayId,
        name: gatewayId,
        networkType: 'zigbee',
        address: 'virtual',
        description: '',
        location: { lat: 52, lon: 5, label: '' },
        ownerId: 'o',
        keyFingerprint: 'f'.repeat(16),
        at: new Date().toISOString(),
      },
    } as const;
    await handleWithDecider(
      b.store,
      gatewayStream(gatewayId),
      gatewayDecider,
      command,
      { actorId: 'user:admin', correlationId: 'c' },
      { events: GATEWAY_EVENTS },
    );
  }
  async function request(
    gatewayId: string,
    requestId: string,
    change: NetworkConfigurationChange,
    timeoutSeconds = 600,
  ): Promise<void> {
    const command: NetworkConfigurationCommand = {
      type: 'RequestNetworkConfiguration',
      data: {
        requestId,
        gatewayId,
        change,
        requestedBy: 'user:admin',
        reason: '',
        timeoutSeconds,
        at: new Date().toISOString(),
      },
    };
    const metadata = { actorId: 'user:admin', correlationId: 'c' };
    await handleWithDecider(b.store, gatewayStream(gatewayId), networkConfigurationDecider, command, metadata, {
      events: NETWORK_CONFIGURATION_EVENTS,
    });
  }
  /** A link session opening, as the link records it: the stream moves on under the sender. */
  async function sessionOpened(gatewayId: string, sessionId: string): Promise<void> {
    const command = {
      type: 'RecordLinkSessionOpened',
      data: { gatewayId, sessionId, remoteAddress: '127.0.0.1', protocolVersion: 1, at: new Date().toISOString() },
    } as const;
    await handleWithDecider(
      b.store,
      gatewayStream(gatewayId),
      gatewayDecider,
      command,
      { actorId: 'system:link', correlationId: sessionId },
      { events: GATEWAY_EVENTS },
    );
  }

  beforeAll(async () => {
    b = await openBackend('pglite', 'network-sender');
  }, 60_000);
  afterAll(async () => {
    await b.cleanup();
  });

  it('picks up the requests already in the log, sends one change at a time per gateway, keeps the offline gateway waiting, and expires', async () => {
    await register('gw-a');
    await register('gw-b');
    await request('gw-a', 'a1', { kind: 'channel', channel: 15 });
    await request('gw-a', 'a2', { kind: 'permit_join', seconds: 60 });
    await request('gw-b', 'b1', { kind: 'channel', channel: 20 });
    await request('gw-b', 'b2', { kind: 'permit_join', seconds: 0 }, 1);

    const link = new ScriptedLink();
    link.connected.add('gw-a');
    const sender = new NetworkConfigurationSender(b.store, link, { now: () => new Date(), pollMs: 20 });
    await sender.start();
    try {
      await until('the first change of gw-a sent', () => link.delivered.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(link.delivered.map((d) => [d.gatewayId, d.change.kind])).toEqual([['gw-a', 'channel']]);
      expect((await status('gw-a', 'a2'))?.status).toBe('requested');

      // Link sessions append to the same stream meanwhile: the answer is decided on the stream as it is then.
      await sessionOpened('gw-a', 's1');
      link.delivered[0]!.answer({ kind: 'answered', ok: true, detail: 'on channel 15', report: channelReport(15) });
      await until('a1 applied', async () => (await status('gw-a', 'a1'))?.status === 'applied');
      expect((await status('gw-a', 'a1'))?.applied).toEqual(channelReport(15));

      await until('the second change of gw-a sent', () => link.delivered.length === 2);
      expect(link.delivered[1]!.change).toEqual({ kind: 'permit_join', seconds: 60 });
      link.delivered[1]!.answer({ kind: 'answered', ok: true, detail: 'old agent', report: null });
      await until('a2 rejected', async () => (await status('gw-a', 'a2'))?.status === 'rejected');
      expect((await status('gw-a', 'a2'))?.outcome).toMatch(/without the coordinator's report/);

      await until('b2 expired', async () => (await status('gw-b', 'b2'))?.status === 'timed_out');
      expect((await status('gw-b', 'b1'))?.status).toBe('requested');
      link.connected.add('gw-b');
      await until('b1 sent', () => link.delivered.length === 3);
      link.delivered[2]!.answer({ kind: 'answered', ok: true, detail: 'still 11', report: channelReport(11) });
      await until('b1 rejected', async () => (await status('gw-b', 'b1'))?.status === 'rejected');
      expect((await status('gw-b', 'b1'))?.outcome).toBe('the coordinator reports channel 11, not 20');
      expect(link.delivered.map((d) => d.gatewayId)).toEqual(['gw-a', 'gw-a', 'gw-b']);
    } finally {
      await sender.stop();
    }
  }, 20_000);
});
