import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { BOOTSTRAP_ADMIN } from '../../../../domain/access/principal.js';
import {
  nodeConfigurationDecider,
  type NodeConfigurationCommand,
} from '../../../../domain/devices/node-configuration.decider.js';
import type { NodeConfigurationChange } from '../../../../domain/devices/node-configuration.events.js';
import { gatewayDecider } from '../../../../domain/gateways/gateway.decider.js';
import { AdminOnlyAccessPolicy } from '#test/support/admin-only-access-policy.js';
import { ChangeGatewayDetails } from '../../../gateways/change-gateway-details/change-gateway-details.command.js';
import { ChangeGatewayDetailsHandler } from '../../../gateways/change-gateway-details/change-gateway-details.handler.js';
import {
  GetGatewayConfiguration,
  GetGatewayConfigurationHandler,
  ListGatewayConfigurationChanges,
  ListGatewayConfigurationChangesHandler,
} from '../../../gateways/gateway-configuration-history/gateway-configuration-history.queries.js';
import { GATEWAY_EVENTS, gatewayStream } from '../../../gateways/gateway-stream.js';
import { systemClock } from '../../../ports/clock.port.js';
import type { RecordedEvent } from '../../../ports/event-store.port.js';
import { SqlNodeDirectory } from '../node-directory.sql.js';
import { handleWithDecider } from '../../../shared/decider-command.js';
import { NODE_CONFIGURATION_EVENTS, nodeStream } from '../node-stream.js';
import {
  GetNodeConfigurationHandler,
  ListNodeConfigurationChangesHandler,
} from './node-configuration-history.handlers.js';
import { GetNodeConfiguration, ListNodeConfigurationChanges } from './node-configuration-history.queries.js';

const NODE = 'zigbee:0x000b57fffec6a5b2';
const GATEWAY = 'gw-history';
const policy = new AdminOnlyAccessPolicy();
const tick = () => new Promise((resolve) => setTimeout(resolve, 15));
const slow: NodeConfigurationChange = {
  kind: 'reporting',
  quantity: 'power',
  minIntervalS: 5,
  maxIntervalS: 300,
  reportableChange: 50,
};
const slower: NodeConfigurationChange = {
  kind: 'reporting',
  quantity: 'power',
  minIntervalS: 10,
  maxIntervalS: 600,
  reportableChange: 100,
};
const alarm: NodeConfigurationChange = { kind: 'alarm_power_above', enabled: true, thresholdW: 2500, forSeconds: 60 };

describe('configuration history: point in time and changes, against a hand-computed history', () => {
  let backend: SqlBackend;
  /** recordedAt of each step, in order. */
  const t: string[] = [];

  async function nodeStep(actorId: string, command: NodeConfigurationCommand): Promise<void> {
    await handleWithDecider(
      backend.store,
      nodeStream(NODE),
      nodeConfigurationDecider,
      command,
      { actorId, correlationId: 'c' },
      { events: NODE_CONFIGURATION_EVENTS },
    );
    const [last] = await backend.store.readStream(nodeStream(NODE), { direction: 'backwards', max: 1 });
    t.push((last as RecordedEvent).recordedAt);
    await tick();
  }
  const request = (requestId: string, change: NodeConfigurationChange, by: string): NodeConfigurationCommand => ({
    type: 'RequestNodeConfiguration',
    data: {
      requestId,
      nodeId: NODE,
      gatewayId: GATEWAY,
      change,
      requestedBy: by,
      reason: `${requestId} reason`,
      timeoutSeconds: 300,
      at: new Date().toISOString(),
    },
  });

  beforeAll(async () => {
    backend = await openBackend('pglite', 'configuration-history');
    await backend.db.query(
      `INSERT INTO nodes (node_id, gateway_id, protocol, status) VALUES ($1, $2, 'zigbee', 'interviewed')`,
      [NODE, GATEWAY],
    );
    await tick();
    await nodeStep('user:alice', request('r1', slow, 'user:alice')); // t0
    await nodeStep('system:configuration-sender', {
      type: 'MarkConfigurationSent',
      data: { requestId: 'r1', at: new Date().toISOString() },
    }); // t1
    await nodeStep('system:configuration-sender', {
      type: 'ApplyConfiguration',
      data: { requestId: 'r1', applied: slow, confirmation: 'SUCCESS', at: new Date().toISOString() },
    }); // t2
    await nodeStep('user:bob', request('r2', slower, 'user:bob')); // t3
    await nodeStep('system:configuration-sender', {
      type: 'RejectConfiguration',
      data: { requestId: 'r2', detail: 'INVALID_VALUE', at: new Date().toISOString() },
    }); // t4
    await nodeStep('user:alice', request('r3', alarm, 'user:alice')); // t5
  }, 60_000);

  afterAll(async () => {
    await backend.cleanup();
  });

  const nodeAt = (at: string) =>
    new GetNodeConfigurationHandler(backend.store, policy, new SqlNodeDirectory(backend.db), systemClock).execute(
      new GetNodeConfiguration(BOOTSTRAP_ADMIN, NODE, new Date(at)),
    );

  it('rebuilds the node configuration as it was at each instant', async () => {
    const before = new Date(Date.parse(t[0]!) - 1).toISOString();
    expect(await nodeAt(before)).toMatchObject({ revision: null, fields: [], pending: [] });

    const atRequest = await nodeAt(t[0]!);
    expect(atRequest.revision).toBe(0);
    expect(atRequest.fields).toEqual([
      {
        field: 'reporting.power',
        desired: expect.objectContaining({ value: slow, by: 'user:alice', requestId: 'r1' }) as unknown,
        applied: null,
        sync: 'pending',
      },
    ]);

    const atApplied = await nodeAt(t[2]!);
    expect(atApplied.revision).toBe(2);
    expect(atApplied.fields[0]).toMatchObject({
      sync: 'applied',
      applied: { value: slow, by: 'user:alice', requestId: 'r1' },
    });

    const atBob = await nodeAt(t[3]!);
    expect(atBob.fields[0]).toMatchObject({
      sync: 'pending',
      desired: { value: slower, by: 'user:bob' },
      applied: { value: slow, by: 'user:alice' },
    });
    expect(atBob.pending).toEqual([
      expect.objectContaining({ requestId: 'r2', status: 'requested', requestedBy: 'user:bob' }),
    ]);

    const atRejected = await nodeAt(t[4]!);
    expect(atRejected.fields[0]).toMatchObject({ sync: 'differs', applied: { value: slow } });
    expect(atRejected.pending).toEqual([]);

    const now = await nodeAt(new Date().toISOString());
    expect(now.revision).toBe(5);
    expect(now.fields.map((f) => [f.field, f.sync])).toEqual([
      ['alarm.power_above', 'pending'],
      ['reporting.power', 'differs'],
    ]);
  });

  it('lists the changes of a window with the value before and after and who asked', async () => {
    const changes = await new ListNodeConfigurationChangesHandler(
      backend.store,
      policy,
      new SqlNodeDirectory(backend.db),
    ).execute(new ListNodeConfigurationChanges(BOOTSTRAP_ADMIN, NODE, new Date(t[2]!), new Date(t[4]!)));
    expect(changes).toEqual([
      {
        at: t[2],
        revision: 2,
        type: 'NodeConfigurationApplied',
        field: 'reporting.power',
        requestId: 'r1',
        by: 'user:alice',
        before: null,
        after: slow,
        detail: 'SUCCESS',
      },
      {
        at: t[3],
        revision: 3,
        type: 'NodeConfigurationRequested',
        field: 'reporting.power',
        requestId: 'r2',
        by: 'user:bob',
        before: slow,
        after: slower,
        detail: 'r2 reason',
      },
      {
        at: t[4],
        revision: 4,
        type: 'NodeConfigurationRejected',
        field: 'reporting.power',
        requestId: 'r2',
        by: 'user:bob',
        before: null,
        after: null,
        detail: 'INVALID_VALUE',
      },
    ]);
  });

  it('rebuilds a gateway configuration field by field with who changed it, and lists its changes', async () => {
    const register = {
      type: 'RegisterGateway',
      data: {
        gatewayId: GATEWAY,
        name: 'Shed',
        networkType: 'zigbee',
        address: '192.0.2.1',
        description: '',
        location: { lat: 52, lon: 5, label: 'garden' },
        ownerId: 'user:alice',
        keyFingerprint: 'aaaaaaaaaaaaaaaa',
        at: new Date().toISOString(),
      },
    } as const;
    await handleWithDecider(
      backend.store,
      gatewayStream(GATEWAY),
      gatewayDecider,
      register,
      { actorId: 'user:alice', correlationId: 'c' },
      { events: GATEWAY_EVENTS },
    );
    const g0 = (await backend.store.readStream(gatewayStream(GATEWAY)))[0]!.recordedAt;
    await tick();
    const change = new ChangeGatewayDetailsHandler(backend.store, policy);
    expect(
      await change.execute(
        new ChangeGatewayDetails(BOOTSTRAP_ADMIN, GATEWAY, { name: 'Garden shed' }, new Date(), 'c'),
      ),
    ).toEqual({ id: GATEWAY, changedFields: ['name'] });
    const g1 = (await backend.store.readStream(gatewayStream(GATEWAY)))[1]!.recordedAt;
    await tick();
    await change.execute(
      new ChangeGatewayDetails(
        BOOTSTRAP_ADMIN,
        GATEWAY,
        { name: 'Garden shed', location: { lat: 52.1, lon: 5.2, label: 'back garden' } },
        new Date(),
        'c',
      ),
    );
    const g2 = (await backend.store.readStream(gatewayStream(GATEWAY)))[2]!.recordedAt;

    const at = (instant: string) =>
      new GetGatewayConfigurationHandler(backend.store, policy, systemClock).execute(
        new GetGatewayConfiguration(BOOTSTRAP_ADMIN, GATEWAY, new Date(instant)),
      );
    const first = await at(g0);
    expect(first.revision).toBe(0);
    expect(first.fields.name).toEqual({ value: 'Shed', by: 'user:alice', at: g0, revision: 0 });
    const second = await at(g1);
    expect(second.fields.name).toEqual({ value: 'Garden shed', by: 'user:bootstrap-admin', at: g1, revision: 1 });
    expect(second.fields.location).toEqual({
      value: { lat: 52, lon: 5, label: 'garden' },
      by: 'user:alice',
      at: g0,
      revision: 0,
    });
    const third = await at(g2);
    expect(third.fields.location).toEqual({
      value: { lat: 52.1, lon: 5.2, label: 'back garden' },
      by: 'user:bootstrap-admin',
      at: g2,
      revision: 2,
    });

    const changes = await new ListGatewayConfigurationChangesHandler(backend.store, policy).execute(
      new ListGatewayConfigurationChanges(BOOTSTRAP_ADMIN, GATEWAY, new Date(g1), new Date(g2)),
    );
    expect(changes).toEqual([
      {
        field: 'name',
        before: 'Shed',
        after: 'Garden shed',
        by: 'user:bootstrap-admin',
        at: g1,
        revision: 1,
        type: 'GatewayDetailsChanged',
      },
      {
        field: 'location',
        before: { lat: 52, lon: 5, label: 'garden' },
        after: { lat: 52.1, lon: 5.2, label: 'back garden' },
        by: 'user:bootstrap-admin',
        at: g2,
        revision: 2,
        type: 'GatewayDetailsChanged',
      },
    ]);
    await expect(
      change.execute(
        new ChangeGatewayDetails({ kind: 'user', userId: 'u', role: 'user' }, GATEWAY, { name: 'x' }, new Date(), 'c'),
      ),
    ).rejects.toThrow('requires the admin role');
  });
});
