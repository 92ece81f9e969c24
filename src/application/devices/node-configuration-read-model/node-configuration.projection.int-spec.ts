import { describeProjection } from '#test/support/projection-spec.js';
import {
  nodeConfigurationDecider,
  type NodeConfigurationCommand,
} from '../../../domain/devices/node-configuration.decider.js';
import { fold } from '../../../domain/shared/decider.js';
import type {
  NodeConfigurationChange,
  NodeConfigurationEvent,
} from '../../../domain/devices/node-configuration.events.js';
import { toNewEvents } from '../../shared/decider-command.js';
import { NODE_CONFIGURATION_EVENTS, nodeStream } from '../node-configuration/node-stream.js';
import { nodeConfigurationProjection, selectNodeConfiguration } from './node-configuration.projection.js';

const NODE = 'zigbee:0x000b57fffec6a5b2';
const AT = '2024-05-01T10:00:00.000Z';
const power: NodeConfigurationChange = {
  kind: 'reporting',
  quantity: 'power',
  minIntervalS: 5,
  maxIntervalS: 300,
  reportableChange: 50,
};
const faster: NodeConfigurationChange = { ...power, minIntervalS: 1 };

describeProjection('node configuration projection', nodeConfigurationProjection, (spec) => {
  const history: NodeConfigurationEvent[] = [];
  beforeEach(() => {
    history.length = 0;
  });

  const step = async (command: NodeConfigurationCommand): Promise<void> => {
    const events = nodeConfigurationDecider.decide(command, fold(nodeConfigurationDecider, history));
    await spec.given(
      nodeStream(NODE),
      toNewEvents(events, { actorId: 'user:alice', correlationId: 'c' }, NODE_CONFIGURATION_EVENTS),
      history.length === 0 ? 'no_stream' : history.length - 1,
    );
    history.push(...events);
  };
  const request = (requestId: string, change: NodeConfigurationChange, by: string): NodeConfigurationCommand => ({
    type: 'RequestNodeConfiguration',
    data: { requestId, nodeId: NODE, gatewayId: 'g1', change, requestedBy: by, reason: '', timeoutSeconds: 60, at: AT },
  });
  const project = () => spec.project({ batchSize: 2 });

  it('shows desired vs applied per field through requests, outcomes and a newer request, and a rebuild gives the same rows', async () => {
    const b = spec.backend;
    await step(request('r1', power, 'user:alice'));
    await step({ type: 'MarkConfigurationSent', data: { requestId: 'r1', at: AT } });
    await project();
    expect(await selectNodeConfiguration(b.db, { nodeId: NODE })).toEqual([
      expect.objectContaining({
        field: 'reporting.power',
        desired: power,
        desiredBy: 'user:alice',
        status: 'sent',
        applied: null,
        inSync: false,
      }),
    ]);
    await step({
      type: 'ApplyConfiguration',
      data: { requestId: 'r1', applied: power, confirmation: 'SUCCESS', at: '2024-05-01T10:00:02.000Z' },
    });
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
    await spec.rebuild({ batchSize: 3 });
    expect(await selectNodeConfiguration(b.db, { gatewayIds: ['g1'] })).toEqual(rows);
  });
});
