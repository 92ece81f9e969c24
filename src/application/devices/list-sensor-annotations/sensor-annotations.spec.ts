import type { RecordedEvent } from '../../ports/event-store.port.js';
import { commandView } from '../../control/actuator-command-view.js';
import { anActuatorCommandRequested } from '#test/builders/control.js';
import { commandAnnotation, gatewayAnnotation, nodeAnnotation } from './sensor-annotations.js';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  stream: 's',
  revision: 0,
  position: '1',
  type,
  data,
  metadata: {},
  recordedAt: '2026-01-01T10:00:05.000Z',
});

describe('sensor annotations from the log', () => {
  it('marks a gateway online and offline at the time the event names, with the reason it went', () => {
    expect(gatewayAnnotation(recorded('LinkSessionOpened', { gatewayId: 'gw-1', at: '2026-01-01T10:00:00Z' }))).toEqual(
      { at: '2026-01-01T10:00:00.000Z', kind: 'gateway_online', label: 'gateway gw-1 online' },
    );
    expect(
      gatewayAnnotation(recorded('LinkSessionClosed', { gatewayId: 'gw-1', reason: 'timeout', at: 'not a time' })),
    ).toEqual({ at: '2026-01-01T10:00:05.000Z', kind: 'gateway_offline', label: 'gateway gw-1 offline (timeout)' });
    expect(gatewayAnnotation(recorded('NetworkKeyRotated', { gatewayId: 'gw-1' }))).toBeNull();
  });

  it('tells a firmware update from other configuration, and a refusal from an application; never throws on odd data', () => {
    expect(
      nodeAnnotation(
        recorded('NodeConfigurationApplied', {
          field: 'firmware',
          applied: { kind: 'firmware_update', version: '2.4.50' },
          appliedAt: '2026-01-01T09:00:00Z',
        }),
      ),
    ).toEqual({ at: '2026-01-01T09:00:00.000Z', kind: 'firmware', label: 'firmware 2.4.50 installed' });
    expect(
      nodeAnnotation(
        recorded('NodeConfigurationApplied', {
          field: 'alarm.power_above',
          applied: { kind: 'alarm_power_above', enabled: true, thresholdW: 2000, forSeconds: 60 },
          requestedBy: 'user:u1',
        }),
      )?.label,
    ).toBe('alarm.power_above set: enabled true, thresholdW 2000, forSeconds 60 (asked by user:u1)');
    expect(
      nodeAnnotation(recorded('NodeConfigurationRejected', { field: 'reporting.power', detail: 'unsupported' })),
    ).toMatchObject({ kind: 'configuration', label: 'reporting.power refused by the device: unsupported' });
    expect(nodeAnnotation(recorded('NodeConfigurationApplied', null))?.kind).toBe('configuration');
    expect(nodeAnnotation(recorded('NodeConfigurationRequested', { field: 'firmware' }))).toBeNull();
  });

  it('marks a switch command when it was asked, with who, from where and how it ended', () => {
    const view = commandView({
      status: 'timed_out',
      request: anActuatorCommandRequested({ origin: 'cli' }).data,
      dispatchedAt: null,
      finishedAt: '2024-05-01T10:00:30.000Z',
      outcome: 'no outcome while requested',
    });
    expect(commandAnnotation(view)).toEqual({
      at: '2024-05-01T10:00:00.000Z',
      kind: 'command',
      label: 'switch on by user:u1 (cli): timed out',
    });
  });
});
