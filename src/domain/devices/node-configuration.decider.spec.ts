import { POWER_REPORTING as power, aNodeConfigurationRequested } from '#test/builders/devices.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { nodeConfigurationDecider, type NodeConfigurationCommand } from './node-configuration.decider.js';
import type { NodeConfigurationChange, NodeConfigurationEvent } from './node-configuration.events.js';
import { InvalidNodeConfigurationError, UnknownConfigurationRequestError } from './node-configuration.errors.js';

const AT = '2024-05-01T10:00:00.000Z';
const LATER = (s: number) => new Date(Date.parse(AT) + s * 1000).toISOString();
const NODE = 'zigbee:0x000b57fffec6a5b2';
const given = DeciderSpecification.for(nodeConfigurationDecider);

const request = (
  change: NodeConfigurationChange = power,
  requestId = 'r1',
  timeoutSeconds = 60,
): NodeConfigurationCommand => ({
  type: 'RequestNodeConfiguration',
  data: {
    requestId,
    nodeId: NODE,
    gatewayId: 'gw-1',
    change,
    requestedBy: 'user:admin',
    reason: 'less chatter',
    timeoutSeconds,
    at: AT,
  },
});
const requested = (): NodeConfigurationEvent => aNodeConfigurationRequested();
const sent: NodeConfigurationEvent = {
  type: 'NodeConfigurationSent',
  data: { requestId: 'r1', nodeId: NODE, sentAt: LATER(1) },
};

describe('node configuration decider', () => {
  it('Given a node, When a reporting change is requested, Then NodeConfigurationRequested names the field, who, why and the expiry', () => {
    given()
      .when(request())
      .then([
        {
          type: 'NodeConfigurationRequested',
          data: {
            requestId: 'r1',
            nodeId: NODE,
            gatewayId: 'gw-1',
            field: 'reporting.power',
            change: power,
            requestedBy: 'user:admin',
            reason: 'less chatter',
            requestedAt: AT,
            expiresAt: LATER(60),
          },
        },
      ]);
  });

  it.each<[NodeConfigurationChange, RegExp]>([
    [{ ...power, minIntervalS: 400 }, /minIntervalS must not exceed maxIntervalS/],
    [{ ...power, maxIntervalS: 70000 }, /maxIntervalS/],
    [{ ...power, reportableChange: -1 }, /reportableChange/],
    [{ kind: 'alarm_power_above', enabled: true, thresholdW: 0, forSeconds: 10 }, /thresholdW/],
    [{ kind: 'alarm_voltage_band', enabled: true, minV: 250, maxV: 200 }, /minV < maxV/],
    [{ kind: 'firmware_update', version: 'v 1' }, /version/],
    [{ kind: 'poll_interval', seconds: 0 }, /seconds/],
  ])('Given a node, When %j is requested, Then it throws', (change, message) => {
    given().when(request(change)).thenThrows(InvalidNodeConfigurationError);
    given().when(request(change)).thenThrows(message);
  });

  it('Given a requested change, When sent and the device confirms, Then Sent and Applied; desired and applied carry who and when', () => {
    given(requested())
      .when({ type: 'MarkConfigurationSent', data: { requestId: 'r1', at: LATER(1) } })
      .then([sent]);
    const applied: NodeConfigurationEvent = {
      type: 'NodeConfigurationApplied',
      data: {
        requestId: 'r1',
        nodeId: NODE,
        field: 'reporting.power',
        requestedBy: 'user:admin',
        applied: power,
        confirmation: 'configureReporting SUCCESS',
        appliedAt: LATER(2),
      },
    };
    given(requested(), sent)
      .when({
        type: 'ApplyConfiguration',
        data: {
          requestId: 'r1',
          applied: { ...power, reportableChange: 50 },
          confirmation: 'configureReporting SUCCESS',
          at: LATER(2),
        },
      })
      .then([applied]);
    const after = given(requested(), sent, applied).state;
    expect(after.desired['reporting.power']).toEqual({ value: power, requestId: 'r1', by: 'user:admin', at: AT });
    expect(after.applied['reporting.power']).toEqual({ value: power, requestId: 'r1', by: 'user:admin', at: LATER(2) });
    expect(after.requests.r1?.status).toBe('applied');
  });

  it('Given a sent change, When the device refuses it, Then Rejected and the applied value stays what it was', () => {
    const rejected: NodeConfigurationEvent = {
      type: 'NodeConfigurationRejected',
      data: {
        requestId: 'r1',
        nodeId: NODE,
        field: 'reporting.power',
        detail: 'UNREPORTABLE_ATTRIBUTE',
        rejectedAt: LATER(2),
      },
    };
    given(requested(), sent)
      .when({ type: 'RejectConfiguration', data: { requestId: 'r1', detail: 'UNREPORTABLE_ATTRIBUTE', at: LATER(2) } })
      .then([rejected]);
    const after = given(requested(), sent, rejected).state;
    expect(after.applied['reporting.power']).toBeUndefined();
    expect(after.desired['reporting.power']?.requestId).toBe('r1');
  });

  it('Given a waiting change, When it expires, Then TimedOut; an answer afterwards decides nothing', () => {
    given(requested())
      .when({ type: 'ExpireConfiguration', data: { requestId: 'r1', at: LATER(59) } })
      .then([]);
    const timedOut: NodeConfigurationEvent = {
      type: 'NodeConfigurationTimedOut',
      data: { requestId: 'r1', nodeId: NODE, field: 'reporting.power', timedOutAt: LATER(60) },
    };
    given(requested(), sent)
      .when({ type: 'ExpireConfiguration', data: { requestId: 'r1', at: LATER(60) } })
      .then([timedOut]);
    given(requested(), sent, timedOut)
      .when({
        type: 'ApplyConfiguration',
        data: { requestId: 'r1', applied: power, confirmation: 'late', at: LATER(61) },
      })
      .then([]);
  });

  it('Given no such request, When a step names it, Then it throws; a repeated request decides nothing', () => {
    given()
      .when({ type: 'MarkConfigurationSent', data: { requestId: 'nope', at: AT } })
      .thenThrows(UnknownConfigurationRequestError);
    given(requested()).when(request()).then([]);
  });
});
