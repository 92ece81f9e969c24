import { decide, fold, type ActuatorCommandCommand } from './actuator-command.decider.js';
import type { ActuatorCommandEvent, ActuatorCommandRequested } from './actuator-command.events.js';
import { ActuatorBusyError, InvalidActuatorCommandError } from './actuator-command.errors.js';
import { decideActuator, foldActuator } from './actuator.decider.js';

const AT = '2024-05-01T10:00:00.000Z';
const LATER = (seconds: number) => new Date(Date.parse(AT) + seconds * 1000).toISOString();

const requestCommand = (overrides: Partial<Extract<ActuatorCommandCommand, { type: 'RequestActuatorCommand' }>['data']> = {}): ActuatorCommandCommand => ({
  type: 'RequestActuatorCommand',
  data: {
    commandId: 'cmd-1',
    sensorId: 'zigbee:0x000b57fffec6a5b2/1/switchState',
    gatewayId: 'gw-1',
    nodeId: 'zigbee:0x000b57fffec6a5b2',
    target: '0x000b57fffec6a5b2/1',
    action: 'on',
    currentState: 0,
    requestedBy: 'user:u1',
    reason: 'evening',
    idempotencyKey: null,
    timeoutSeconds: 30,
    at: AT,
    ...overrides,
  },
});

function aRequestedCommand(overrides: Partial<ActuatorCommandRequested['data']> = {}): ActuatorCommandRequested {
  const [event] = decide(requestCommand(), fold([]));
  return { type: 'ActuatorCommandRequested', data: { ...(event as ActuatorCommandRequested).data, ...overrides } };
}
const dispatched: ActuatorCommandEvent = { type: 'ActuatorCommandDispatched', data: { commandId: 'cmd-1', gatewayId: 'gw-1', dispatchedAt: LATER(1) } };

describe('actuator command decider', () => {
  it('Given nothing, When requested, Then ActuatorCommandRequested with the state that will confirm it and its expiry', () => {
    expect(decide(requestCommand({ action: 'toggle', currentState: 1 }), fold([]))).toEqual([
      {
        type: 'ActuatorCommandRequested',
        data: expect.objectContaining({ commandId: 'cmd-1', action: 'toggle', expectedState: 0, requestedAt: AT, expiresAt: LATER(30) }) as unknown,
      },
    ]);
    const [unknownToggle] = decide(requestCommand({ action: 'toggle', currentState: null }), fold([]));
    expect((unknownToggle as ActuatorCommandRequested).data.expectedState).toBeNull();
  });

  it('Given nothing, When requested with a bad timeout or idempotency key, Then it throws', () => {
    expect(() => decide(requestCommand({ timeoutSeconds: 0 }), fold([]))).toThrow(InvalidActuatorCommandError);
    expect(() => decide(requestCommand({ timeoutSeconds: 1.5 }), fold([]))).toThrow(InvalidActuatorCommandError);
    expect(() => decide(requestCommand({ idempotencyKey: 'k'.repeat(201) }), fold([]))).toThrow(InvalidActuatorCommandError);
  });

  it('Given a requested command, When requested again (a retry), Then nothing', () => {
    expect(decide(requestCommand(), fold([aRequestedCommand()]))).toEqual([]);
  });

  it('Given a requested command, When dispatched before expiry, Then Dispatched; a second dispatch decides nothing', () => {
    const events = decide({ type: 'DispatchActuatorCommand', data: { at: LATER(1) } }, fold([aRequestedCommand()]));
    expect(events).toEqual([dispatched]);
    expect(decide({ type: 'DispatchActuatorCommand', data: { at: LATER(2) } }, fold([aRequestedCommand(), dispatched]))).toEqual([]);
    expect(decide({ type: 'DispatchActuatorCommand', data: { at: LATER(30) } }, fold([aRequestedCommand()]))).toEqual([]);
  });

  it('Given a dispatched command, When a report received after dispatch shows the expected state, Then Acknowledged', () => {
    const state = fold([aRequestedCommand(), dispatched]);
    const confirm = (value: 0 | 1, receivedAt: string) =>
      decide({ type: 'ConfirmActuatorState', data: { state: value, reportedAt: receivedAt, receivedAt, at: LATER(5) } }, state);
    expect(confirm(1, LATER(0))).toEqual([]);
    expect(confirm(0, LATER(2))).toEqual([]);
    expect(confirm(1, LATER(2))).toEqual([
      { type: 'ActuatorCommandAcknowledged', data: { commandId: 'cmd-1', confirmedBy: 'report', state: 1, reportedAt: LATER(2), acknowledgedAt: LATER(5) } },
    ]);
  });

  it('Given a requested command, When a report arrives before dispatch, Then nothing', () => {
    expect(decide({ type: 'ConfirmActuatorState', data: { state: 1, reportedAt: LATER(2), receivedAt: LATER(2), at: LATER(2) } }, fold([aRequestedCommand()]))).toEqual([]);
  });

  it('Given a dispatched command, When the device answers an error, Then Failed; afterwards nothing changes it', () => {
    const failed = decide({ type: 'FailActuatorCommand', data: { reason: 'device_error', detail: 'UNSUPPORTED_ATTRIBUTE', at: LATER(2) } }, fold([aRequestedCommand(), dispatched]));
    expect(failed).toEqual([{ type: 'ActuatorCommandFailed', data: { commandId: 'cmd-1', reason: 'device_error', detail: 'UNSUPPORTED_ATTRIBUTE', failedAt: LATER(2) } }]);
    const after = fold([aRequestedCommand(), dispatched, ...failed]);
    expect(after.status).toBe('failed');
    expect(decide({ type: 'ExpireActuatorCommand', data: { at: LATER(99) } }, after)).toEqual([]);
    expect(decide({ type: 'ConfirmActuatorState', data: { state: 1, reportedAt: LATER(3), receivedAt: LATER(3), at: LATER(3) } }, after)).toEqual([]);
  });

  it('Given a waiting command, When the sweeper passes at or after its expiry, Then TimedOut with the status it had', () => {
    expect(decide({ type: 'ExpireActuatorCommand', data: { at: LATER(29) } }, fold([aRequestedCommand()]))).toEqual([]);
    expect(decide({ type: 'ExpireActuatorCommand', data: { at: LATER(30) } }, fold([aRequestedCommand()]))).toEqual([
      { type: 'ActuatorCommandTimedOut', data: { commandId: 'cmd-1', lastStatus: 'requested', timedOutAt: LATER(30) } },
    ]);
    expect(decide({ type: 'ExpireActuatorCommand', data: { at: LATER(31) } }, fold([aRequestedCommand(), dispatched]))).toEqual([
      { type: 'ActuatorCommandTimedOut', data: { commandId: 'cmd-1', lastStatus: 'dispatched', timedOutAt: LATER(31) } },
    ]);
  });

  it('Given a dispatched command, When the gateway vanished as it was sent, Then Undelivered and it waits to be dispatched again', () => {
    const events = decide({ type: 'ReturnActuatorCommand', data: { detail: 'gone', at: LATER(2) } }, fold([aRequestedCommand(), dispatched]));
    expect(events).toEqual([{ type: 'ActuatorCommandUndelivered', data: { commandId: 'cmd-1', gatewayId: 'gw-1', detail: 'gone', at: LATER(2) } }]);
    const again = fold([aRequestedCommand(), dispatched, ...events]);
    expect(again.status).toBe('requested');
    expect(decide({ type: 'DispatchActuatorCommand', data: { at: LATER(3) } }, again)).toHaveLength(1);
  });

  it('Given no command, When anything but a request, Then nothing', () => {
    expect(decide({ type: 'DispatchActuatorCommand', data: { at: AT } }, fold([]))).toEqual([]);
  });
});

describe('actuator decider', () => {
  const reserve = (commandId: string, holderFinished: boolean | null) =>
    ({ type: 'ReserveActuator', data: { sensorId: 's', commandId, holderFinished, at: AT } }) as const;
  const reserved = (commandId: string) => ({ type: 'ActuatorReserved', data: { sensorId: 's', commandId, reservedAt: AT } }) as const;

  it('Given a free actuator, When reserved, Then ActuatorReserved', () => {
    expect(decideActuator(reserve('c1', null), foldActuator([]))).toEqual([reserved('c1')]);
  });

  it('Given an actuator held by a command without outcome, When another reserves it, Then it throws busy', () => {
    expect(() => decideActuator(reserve('c2', false), foldActuator([reserved('c1')]))).toThrow(ActuatorBusyError);
  });

  it('Given an actuator whose holder finished, When another reserves it, Then ActuatorReserved; the holder again: nothing', () => {
    expect(decideActuator(reserve('c2', true), foldActuator([reserved('c1')]))).toEqual([reserved('c2')]);
    expect(decideActuator(reserve('c1', false), foldActuator([reserved('c1')]))).toEqual([]);
  });
});
