import {
  actuatorCommandDecider,
  isTerminal,
  type ActuatorCommandCommand,
  type CommandStatus,
} from '../../../domain/control/actuator-command.decider.js';
import {
  ACTUATOR_COMMAND_EVENT_TYPES,
  type ActuatorCommandRequested,
} from '../../../domain/control/actuator-command.events.js';
import {
  WrongExpectedRevisionError,
  type AllFilter,
  type EventStore,
  type RecordedEvent,
} from '../../ports/event-store.port.js';
import { COMMAND_EVENTS, COMMAND_STREAM_PREFIX, commandStream } from '../control-streams.js';
import type { ActuatorDirectory } from '../ports/actuator-directory.port.js';
import type { CommandLink } from '../ports/command-link.port.js';
import { loadStream, toNewEvents } from '../../shared/decider-command.js';
import { LogDrivenWorker, type LogDrivenWorkerOptions } from '../../shared/log-driven-worker.js';

const FILTER: AllFilter = { streamPrefixes: [COMMAND_STREAM_PREFIX], types: ACTUATOR_COMMAND_EVENT_TYPES };
const DISPATCHER_ACTOR = { actorId: 'system:actuator-dispatcher' } as const;

export interface DispatcherOptions extends LogDrivenWorkerOptions {
  readonly now: () => Date;
}

interface Waiting {
  readonly request: ActuatorCommandRequested['data'];
  status: CommandStatus;
  sending: boolean;
}

/**
 * Drives every command without an outcome. The commands still waiting are read from the event log at start and
 * followed live, so a command for an offline gateway survives restarts and goes out when the gateway reconnects;
 * each step is decided on the command's freshly read stream and appended at its revision, so several server nodes
 * may run this side by side and a command is still dispatched once.
 */
export class ActuatorCommandDispatcher extends LogDrivenWorker {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly store: EventStore,
    private readonly directory: ActuatorDirectory,
    private readonly link: CommandLink,
    private readonly options: DispatcherOptions,
  ) {
    super(store, FILTER, 'actuator dispatcher', options);
  }

  /** Commands known to have no outcome yet; for diagnostics and tests. */
  pendingCount(): number {
    return this.waiting.size;
  }

  protected apply(event: RecordedEvent): void {
    const commandId = (event.data as { commandId?: unknown }).commandId;
    if (typeof commandId !== 'string') return;
    switch (event.type) {
      case 'ActuatorCommandRequested':
        this.waiting.set(commandId, {
          request: event.data as ActuatorCommandRequested['data'],
          status: 'requested',
          sending: false,
        });
        return;
      case 'ActuatorCommandDispatched':
      case 'ActuatorCommandUndelivered': {
        const waiting = this.waiting.get(commandId);
        if (waiting) waiting.status = event.type === 'ActuatorCommandDispatched' ? 'dispatched' : 'requested';
        return;
      }
      default:
        this.waiting.delete(commandId);
    }
  }

  protected async pass(): Promise<void> {
    for (const [commandId, waiting] of [...this.waiting]) {
      if (this.loop.stopped) return;
      const now = this.options.now().toISOString();
      if (now >= waiting.request.expiresAt) {
        await this.step(commandId, { type: 'ExpireActuatorCommand', data: { at: now } });
      } else if (
        waiting.status === 'requested' &&
        !waiting.sending &&
        this.link.isConnected(waiting.request.gatewayId)
      ) {
        await this.dispatch(commandId, waiting);
      } else if (waiting.status === 'dispatched') {
        const reported = await this.directory.latestState(waiting.request.sensorId);
        if (reported) {
          await this.step(commandId, {
            type: 'ConfirmActuatorState',
            data: { state: reported.state, reportedAt: reported.measuredAt, receivedAt: reported.receivedAt, at: now },
          });
        }
      }
    }
  }

  /** Decides on the freshly read stream and appends at its revision; false when there was nothing to do. */
  private async step(commandId: string, command: ActuatorCommandCommand): Promise<boolean> {
    const { state, revision } = await loadStream(
      this.store,
      commandStream(commandId),
      actuatorCommandDecider,
      COMMAND_EVENTS,
    );
    if (state.status !== 'none' && isTerminal(state.status)) this.waiting.delete(commandId);
    const events = actuatorCommandDecider.decide(command, state);
    if (events.length === 0) return false;
    try {
      await this.store.append(
        commandStream(commandId),
        toNewEvents(events, { ...DISPATCHER_ACTOR, correlationId: commandId }, COMMAND_EVENTS),
        {
          expectedRevision: revision,
        },
      );
      return true;
    } catch (error) {
      // Another server node took the step first; the next pass sees what it wrote.
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  private async dispatch(commandId: string, waiting: Waiting): Promise<void> {
    const dispatched = await this.step(commandId, {
      type: 'DispatchActuatorCommand',
      data: { at: this.options.now().toISOString() },
    });
    if (!dispatched) return;
    waiting.sending = true;
    const { request } = waiting;
    // Not awaited: a slow gateway must not hold up the other commands.
    void this.link
      .deliver(request.gatewayId, 'switch', request.target, { state: request.action })
      .then(async (delivery) => {
        const at = this.options.now().toISOString();
        switch (delivery.kind) {
          case 'answered':
            // A positive answer still waits for the report that shows the new state.
            if (!delivery.ok)
              await this.step(commandId, {
                type: 'FailActuatorCommand',
                data: { reason: 'device_error', detail: delivery.detail, at },
              });
            return;
          case 'offline':
            await this.step(commandId, {
              type: 'ReturnActuatorCommand',
              data: { detail: 'the gateway disconnected as the command was sent', at },
            });
            return;
          case 'no_answer':
            await this.step(commandId, {
              type: 'FailActuatorCommand',
              data: { reason: 'gateway_error', detail: delivery.detail, at },
            });
            return;
        }
      })
      .catch((error: unknown) =>
        this.options.onError?.(error, `actuator command ${commandId}: recording the gateway's answer failed`),
      )
      .finally(() => (waiting.sending = false));
  }
}
