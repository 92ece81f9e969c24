import { anActuatorCommandRequested } from '#test/builders/control.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { actuatorCommandDecider, type ActuatorCommandCommand } from './actuator-command.decider.js';
import { originOf, type ActuatorCommandEvent, type ActuatorCommandRequested } from './actuator-command.events.js';
import { InvalidActuatorCommandError } from './actuator-command.errors.js';

const given = DeciderSpecification.for(actuatorCommandDecider);

const AT = '2024-05-01T10:00:00.000Z';
const LATER = (seconds: number) => new Date(Date.parse(AT) + seconds * 1000).toISOString();

const requestCommand = (
  overrides: Partial<Extract<ActuatorCommandCommand, { type: 'RequestActuatorCommand' }>['data']> = {},
): ActuatorCommandCommand => ({
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
    origin: 'ui',
    reason: 'evening',
    idempotencyKey: null,
    timeoutSeconds: 30,
    at: AT,
    ...overrides,
  },
});

const dispatched: ActuatorCommandEvent = {
  type: 'ActuatorCommandDispatched',
  data: { commandId: 'cmd-1', gatewayId: 'gw-1', dispatchedAt: LATER(1) },
};

describe('actuator command decider', () => {
  it('Given nothing, When requested, Then ActuatorCommandRequested with the state that will confirm it and its expiry', () => {
    given()
      .when(requestCommand({ action: 'toggle', currentState: 1 }))
      .then([
        {
          type: 'ActuatorCommandRequested',
          data: expect.objectContaining({
            commandId: 'cmd-1',
            action: 'toggle',
            expectedState: 0,
            requestedAt: AT,
            expiresAt: LATER(30),
          }),
        },
      ]);
    given()
      .when(requestCommand({ action: 'toggle', currentState: null }))
      .then(([unknownToggle]) => expect((unknownToggle as ActuatorCommandRequested).data.expectedState).toBeNull());
  });

  it('Given nothing, When requested, Then the request records where it came from; one recorded without reads as the API', () => {
    given()
      .when(requestCommand({ origin: 'cli' }))
      .then(([requested]) => expect(originOf((requested as ActuatorCommandRequested).data)).toBe('cli'));
    // Commands stored before origins were recorded lack the field: every one of them came through the HTTP API.
    expect(anActuatorCommandRequested().data).not.toHaveProperty('origin');
    expect(originOf(anActuatorCommandRequested().data)).toBe('api');
    expect(originOf(anActuatorCommandRequested({ origin: 'rule' }).data)).toBe('rule');
  });

  it('Given nothing, When requested with a bad timeout or idempotency key, Then it throws', () => {
    given()
      .when(requestCommand({ timeoutSeconds: 0 }))
      .thenThrows(InvalidActuatorCommandError);
    given()
      .when(requestCommand({ timeoutSeconds: 1.5 }))
      .thenThrows(InvalidActuatorCommandError);
    given()
      .when(requestCommand({ idempotencyKey: 'k'.repeat(201) }))
      .thenThrows(InvalidActuatorCommandError);
  });

  it('Given a requested command, When requested again (a retry), Then nothing', () => {
    given(anActuatorCommandRequested()).when(requestCommand()).then([]);
  });

  it('Given a requested command, When dispatched before expiry, Then Dispatched; a second dispatch decides nothing', () => {
    given(anActuatorCommandRequested())
      .when({ type: 'DispatchActuatorCommand', data: { at: LATER(1) } })
      .then([dispatched]);
    given(anActuatorCommandRequested(), dispatched)
      .when({ type: 'DispatchActuatorCommand', data: { at: LATER(2) } })
      .then([]);
    given(anActuatorCommandRequested())
      .when({ type: 'DispatchActuatorCommand', data: { at: LATER(30) } })
      .then([]);
  });

  it('Given a dispatched command, When a report received after dispatch shows the expected state, Then Acknowledged', () => {
    const confirm = (value: 0 | 1, receivedAt: string) =>
      given(anActuatorCommandRequested(), dispatched).when({
        type: 'ConfirmActuatorState',
        data: { state: value, reportedAt: receivedAt, receivedAt, at: LATER(5) },
      });
    confirm(1, LATER(0)).then([]);
    confirm(0, LATER(2)).then([]);
    confirm(1, LATER(2)).then([
      {
        type: 'ActuatorCommandAcknowledged',
        data: { commandId: 'cmd-1', confirmedBy: 'report', state: 1, reportedAt: LATER(2), acknowledgedAt: LATER(5) },
      },
    ]);
  });

  it('Given a requested command, When a report arrives before dispatch, Then nothing', () => {
    given(anActuatorCommandRequested())
      .when({
        type: 'ConfirmActuatorState',
        data: { state: 1, reportedAt: LATER(2), receivedAt: LATER(2), at: LATER(2) },
      })
      .then([]);
  });

  it('Given a dispatched command, When the device answers an error, Then Failed; afterwards nothing changes it', () => {
    const failed: ActuatorCommandEvent = {
      type: 'ActuatorCommandFailed',
      data: { commandId: 'cmd-1', reason: 'device_error', detail: 'UNSUPPORTED_ATTRIBUTE', failedAt: LATER(2) },
    };
    given(anActuatorCommandRequested(), dispatched)
      .when({
        type: 'FailActuatorCommand',
        data: { reason: 'device_error', detail: 'UNSUPPORTED_ATTRIBUTE', at: LATER(2) },
      })
      .then([failed]);
    const after = given(anActuatorCommandRequested(), dispatched, failed);
    expect(after.state.status).toBe('failed');
    after.when({ type: 'ExpireActuatorCommand', data: { at: LATER(99) } }).then([]);
    after
      .when({
        type: 'ConfirmActuatorState',
        data: { state: 1, reportedAt: LATER(3), receivedAt: LATER(3), at: LATER(3) },
      })
      .then([]);
  });

  it('Given a waiting command, When the sweeper passes at or after its expiry, Then TimedOut with the status it had', () => {
    given(anActuatorCommandRequested())
      .when({ type: 'ExpireActuatorCommand', data: { at: LATER(29) } })
      .then([]);
    given(anActuatorCommandRequested())
      .when({ type: 'ExpireActuatorCommand', data: { at: LATER(30) } })
      .then([
        {
          type: 'ActuatorCommandTimedOut',
          data: { commandId: 'cmd-1', lastStatus: 'requested', timedOutAt: LATER(30) },
        },
      ]);
    given(anActuatorCommandRequested(), dispatched)
      .when({ type: 'ExpireActuatorCommand', data: { at: LATER(31) } })
      .then([
        {
          type: 'ActuatorCommandTimedOut',
          data: { commandId: 'cmd-1', lastStatus: 'dispatched', timedOutAt: LATER(31) },
        },
      ]);
  });

  it('Given a dispatched command, When the gateway vanished as it was sent, Then Undelivered and it waits to be dispatched again', () => {
    const undelivered: ActuatorCommandEvent = {
      type: 'ActuatorCommandUndelivered',
      data: { commandId: 'cmd-1', gatewayId: 'gw-1', detail: 'gone', at: LATER(2) },
    };
    given(anActuatorCommandRequested(), dispatched)
      .when({ type: 'ReturnActuatorCommand', data: { detail: 'gone', at: LATER(2) } })
      .then([undelivered]);
    const again = given(anActuatorCommandRequested(), dispatched, undelivered);
    expect(again.state.status).toBe('requested');
    again
      .when({ type: 'DispatchActuatorCommand', data: { at: LATER(3) } })
      .then((events) => expect(events).toHaveLength(1));
  });

  it('Given no command, When anything but a request, Then nothing', () => {
    given()
      .when({ type: 'DispatchActuatorCommand', data: { at: AT } })
      .then([]);
  });
});
