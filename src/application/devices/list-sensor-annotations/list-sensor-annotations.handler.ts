import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { actuatorCommandDecider } from '../../../domain/control/actuator-command.decider.js';
import { ObjectNotVisibleError } from '../../access/access.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { commandView } from '../../control/actuator-command-view.js';
import { COMMAND_EVENTS, actuatorStream, commandStream } from '../../control/control-streams.js';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { loadStream } from '../../shared/decider-command.js';
import {
  ListSensorAnnotations,
  type SensorAnnotation,
  type SensorAnnotations,
} from './list-sensor-annotations.query.js';
import { commandAnnotation, gatewayAnnotation, nodeAnnotation } from './sensor-annotations.js';

/** At most this many moments in one answer; a chart cannot show more as separate marks anyway. */
export const ANNOTATIONS_MAX = 500;
const PAGE = 200;
const SWITCHES_MAX = 8;

/**
 * Reads the streams that explain a sensor's readings, newest first down to `from`: its gateway's (link sessions),
 * its node's (configuration and firmware), and the switch commands of the node's actuators. What a caller sees
 * follows what it may see elsewhere: anyone who may read the sensor sees its gateway come and go; configuration and
 * firmware are for the gateway's owner and admins; commands for whoever may command that actuator.
 */
@QueryHandler(ListSensorAnnotations)
export class ListSensorAnnotationsHandler implements IQueryHandler<ListSensorAnnotations, SensorAnnotations> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({ principal, sensorId, from, to }: ListSensorAnnotations): Promise<SensorAnnotations> {
    await this.policy.assertSensorRight(principal, sensorId, 'read');
    const [sensor] = await this.db.query<{ gateway_id: string; node_id: string }>(
      'SELECT gateway_id, node_id FROM readings_latest WHERE sensor_id = $1',
      [sensorId],
    );
    if (!sensor) return { items: [], truncated: false };
    const inRange = (at: string) => {
      const t = Date.parse(at);
      return t >= from.getTime() && t <= to.getTime();
    };
    const items: SensorAnnotation[] = [];
    for (const event of await this.recent(`gateway-${sensor.gateway_id}`, from)) {
      const annotation = gatewayAnnotation(event);
      if (annotation && inRange(annotation.at)) items.push(annotation);
    }
    if (await this.allowed(() => this.policy.assertGatewayOwner(principal, sensor.gateway_id))) {
      for (const event of await this.recent(`node-${sensor.node_id}`, from)) {
        const annotation = nodeAnnotation(event);
        if (annotation && inRange(annotation.at)) items.push({ ...annotation, recordedAt: event.recordedAt });
      }
    }
    const switches = await this.db.query<{ sensor_id: string }>(
      `SELECT sensor_id FROM readings_latest WHERE node_id = $1 AND quantity = 'switchState' ORDER BY sensor_id LIMIT ${SWITCHES_MAX}`,
      [sensor.node_id],
    );
    for (const { sensor_id: switchId } of switches) {
      if (!(await this.allowed(() => this.policy.assertSensorRight(principal, switchId, 'command')))) continue;
      const reservations = (await this.recent(actuatorStream(switchId), from)).slice(0, ANNOTATIONS_MAX + 1);
      const commands = await Promise.all(
        reservations.map(async (event) => {
          const commandId = (event.data as { commandId?: unknown }).commandId;
          if (typeof commandId !== 'string') return null;
          const { state } = await loadStream(
            this.store,
            commandStream(commandId),
            actuatorCommandDecider,
            COMMAND_EVENTS,
          );
          return state.status === 'none' ? null : commandAnnotation(commandView(state));
        }),
      );
      for (const annotation of commands) if (annotation && inRange(annotation.at)) items.push(annotation);
    }
    items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return { items: items.slice(-ANNOTATIONS_MAX), truncated: items.length > ANNOTATIONS_MAX };
  }

  /** The stream's events recorded since `from`, newest first (a stream is in recording order). */
  private async recent(stream: string, from: Date): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let next: number | undefined;
    for (;;) {
      const page = await this.store.readStream(stream, {
        direction: 'backwards',
        max: PAGE,
        ...(next !== undefined ? { from: next } : {}),
      });
      for (const event of page) {
        if (Date.parse(event.recordedAt) < from.getTime()) return events;
        events.push(event);
      }
      const last = page.at(-1);
      if (page.length < PAGE || !last || last.revision === 0 || events.length > 4 * ANNOTATIONS_MAX) return events;
      next = last.revision - 1;
    }
  }

  private async allowed(check: () => Promise<void>): Promise<boolean> {
    try {
      await check();
      return true;
    } catch (error) {
      if (error instanceof ObjectNotVisibleError) return false;
      throw error;
    }
  }
}
