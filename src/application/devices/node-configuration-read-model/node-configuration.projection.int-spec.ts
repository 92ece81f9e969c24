import { BACKENDS, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { decideNodeConfiguration, foldNodeConfiguration, type NodeConfigurationCommand } from '../../../domain/devices/node-configuration.decider.js';
import type { NodeConfigurationChange, NodeConfigurationEvent } from '../../../domain/devices/node-configuration.events.js';
import { readCheckpoint } from '../../projections/checkpoint-store.js';
import { catchUp } from '../../projections/projection-batch.js';
import { liveTables } from '../../projections/projection.js';
import { rebuildProjection } from '../../projections/rebuild-projection.js';
import { nodeStream, toNodeEvents } from '../node-configuration/node-stream.js';
import { nodeConfigurationProjection, selectNodeConfiguration } from './node-configuration.projection.js';

const NODE = 'zigbee:0x000b57fffec6a5b2';
const AT = '2024-05-01T10:00:00.000Z';
const power: NodeConfigurationChange = { kind: 'reporting', quantity: 'power', minIntervalS: 5, maxIntervalS: 300, reportableChange: 50 };
const faster: NodeConfigurationChange = { ...power, minIntervalS: 1 };

describe.each(BACKENDS)('node configuration projection on %s', (backendName) => {
  let b: SqlBackend | undefined;
  const history: NodeConfigurationEvent[] = [];
  beforeEach(async () => {
    b = await openBackend(backendName, 'node-configuration');
    history.length = 0;
  }, 30_000);
  afterEach(async () => {
    await b?.cleanup();
  });

  const step = async (command: NodeConfigurationCommand): Promise<void> => {
    const events = decideNodeConfiguration(command, foldNodeConfiguration(history));
    await b!.store.append(nodeStream(NODE), toNodeEvents(events, { actorId: 'user:alice', correlationId: 'c' }), { expectedRevision: history.length === 0 ? 'no_stream' : history.length - 1 });
    history.push(...events);
  };
  const request = (requestId: string, change: NodeConfigurationChange, by: string): NodeConfigurationCommand => ({
    type: 'RequestNodeConfiguration',
    data: { requestId, nodeId: NODE, gatewayId: 'g1', change, requestedBy: by, reason: '', timeoutSeconds: 60, at: AT },
  });
  const project = async () =>
    catchUp(b!.store, b!.db, { projection: nodeConfigurationProjection, checkpointName: nodeConfigurationProjection.name, table: liveTables }, await readCheckpoint(b!.db, nodeConfigurationProjection.name), { batchSize: 2 });

  it('shows desired vs applied per field through requests, outcomes and a newer request, and a rebuild gives the same rows', async () => {
    if (!b) return;
    await step(request('r1', power, 'user:alice'));
    await step({ type: 'MarkConfigurationSent', data: { requestId: 'r1', at: AT } });
    await project();
    expect(await selectNodeConfiguration(b.db, { nodeId: NODE })).toEqual([
      expect.objectContaining({ field: 'reporting.power', desired: power, desiredBy: 'user:alice', status: 'sent', applied: null, inSync: false }),
    ]);
    await step({ type: 'ApplyConfiguration', data: { requestId: 'r1', applied: power, confirmation: 'SUCCESS', at: '2024-05-01T10:00:02.000Z' } });
    await step(request('r2', faster, 'user:bob'));
    await step({ type: 'RejectConfiguration', data: { requestId: 'r2', detail: 'INVALID_VALUE', at: AT } });
    await step(request('r3', { kind: 'firmware_update', version: '2.0' }, 'user:bob'));
    await project();
    const rows = await selectNodeConfiguration(b.db, { gatewayIds: ['g1'] });
    expect(rows).toEqual([
      expect.objectContaining({ field: 'firmware', status: 'requested', applied: null, inSync: false }),
      expect.objectContaining({
        field: 'reporting.power',
        desired: faster,
        desiredBy: 'user:bob',
        status: 'rejected',
        outcome: 'INVALID_VALUE',
        applied: power,
        appliedBy: 'user:alice',
        appliedAt: '2024-05-01T10:00:02.000Z',
        inSync: false,
      }),
    ]);
    expect(await selectNodeConfiguration(b.db, { gatewayIds: ['other'] })).toEqual([]);
    await rebuildProjection(b.store, b.db, nodeConfigurationProjection, { batchSize: 3 });
    expect(await selectNodeConfiguration(b.db, { gatewayIds: ['g1'] })).toEqual(rows);
  });
});
