import { aRegisteredGateway } from '#test/builders/gateways.js';
import { ADMIN } from '#test/support/gateway-backend.js';
import { RawLinkClient } from '#test/support/link-client.js';
import { startLinkHarness, type LinkHarness } from '#test/support/link-harness.js';
import { describeWithPostgres } from '#test/support/postgres.js';
import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { uniquePrefix } from '#test/support/test-ids.js';
import { GATEWAY_EVENTS, gatewayStream } from '../../application/gateways/gateway-stream.js';
import { LinkEventRecorder } from '../../application/gateways/record-link-event/link-event-recorder.js';
import { toNewEvents } from '../../application/shared/decider-command.js';
import { createLogger } from '../../infrastructure/logging/logger.js';
import { ClusterSessionFence } from './session-fence.js';

/** Two link servers ("nodes") over one Postgres log, each with its own fence, as two server processes would be. */
describeWithPostgres('one link session per gateway across nodes', () => {
  let backend: SqlBackend;
  const nodes: { link: LinkHarness; fence: ClusterSessionFence }[] = [];

  beforeAll(async () => {
    backend = await openBackend('postgres', 'session-fence');
    const recorder = new LinkEventRecorder(backend.store);
    for (let i = 0; i < 2; i++) {
      const link = await startLinkHarness(backend.store, {}, { sessionEvents: recorder });
      const fence = new ClusterSessionFence(backend.store, link.server, createLogger('silent'));
      await fence.start();
      nodes.push({ link, fence });
    }
  });
  afterAll(async () => {
    for (const { link, fence } of nodes) {
      await link.close();
      await fence.stop();
    }
    await backend.cleanup();
  });

  async function aGatewayOnBothNodes(): Promise<{ id: string; key: Buffer }> {
    const id = uniquePrefix('fence').slice(0, -1);
    await backend.store.append(
      gatewayStream(id),
      toNewEvents([aRegisteredGateway({ gatewayId: id })], ADMIN, GATEWAY_EVENTS),
      {
        expectedRevision: 'no_stream',
      },
    );
    const key = nodes[0]!.link.keyRing.register(id);
    nodes[1]!.link.keyRing.register(id, key);
    for (const { link } of nodes) link.networkTypes.set(id, 'dsmr');
    return { id, key };
  }

  /** Waits until the gateway's stream holds at least `count` events (registration, session starts and ends). */
  async function gatewayEvents(id: string, count: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await backend.store.readStream(gatewayStream(id))).length < count) {
      if (Date.now() > deadline) throw new Error(`gateway ${id}: fewer than ${count} events after 10 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const openOn = (node: number, id: string): string[] =>
    nodes[node]!.link.server.sessions()
      .filter((s) => s.gatewayId === id && s.open)
      .map((s) => s.sessionId);

  it('ends the older session on node A when the gateway opens a newer one on node B, and not the other way round', async () => {
    const gw = await aGatewayOnBothNodes();
    const older = await RawLinkClient.accepted(nodes[0]!.link.port, gw.id, gw.key);
    // The older start is in the log (and seen by A's fence) before the newer session begins.
    await gatewayEvents(gw.id, 2);
    const newer = await RawLinkClient.accepted(nodes[1]!.link.port, gw.id, gw.key);

    expect(await older.client.closed).toBeUndefined();
    expect(older.client.received).toContainEqual(expect.objectContaining({ type: 'error', reason: 'replaced' }));
    expect(openOn(0, gw.id)).toEqual([]);
    expect(openOn(1, gw.id)).toHaveLength(1);

    // The newer session stays up once its own start is in the log.
    await gatewayEvents(gw.id, 4);
    expect(openOn(1, gw.id)).toHaveLength(1);
    newer.client.send({ type: 'readings', seq: 0, payloads: [{ n: 1 }] });
    expect(await newer.client.next('ack')).toEqual({ type: 'ack', seq: 0 });
    await newer.client.close();
  });
});
