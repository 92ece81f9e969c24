import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorIdOf, isAdmin } from '../../../domain/access/principal.js';
import { decideVisibility, foldVisibility, SENSOR_VISIBILITY_CHANGED, type SensorVisibility, type SensorVisibilityChanged } from '../../../domain/access/sensor-visibility.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type SqlExecutor } from '../../ports/read-model-db.port.js';
import { NotAuthenticatedError, ObjectNotVisibleError } from '../access.errors.js';
import { grantEvents } from '../grant-stream.js';
import { gatewaysOf } from '../access-read-model/access.sql.js';
import { ChangeSensorVisibility, type ChangedVisibility } from './change-sensor-visibility.command.js';

export function sensorVisibilityStream(sensorId: string): string {
  return `sensor-visibility-${sensorId}`;
}

@CommandHandler(ChangeSensorVisibility)
export class ChangeSensorVisibilityHandler implements ICommandHandler<ChangeSensorVisibility, ChangedVisibility> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqlExecutor,
  ) {}

  async execute({ principal, sensorId, visibility, at, correlationId }: ChangeSensorVisibility): Promise<ChangedVisibility> {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    const sensor = (await gatewaysOf(this.db, 'sensor', [sensorId])).get(sensorId);
    const owns = principal.kind === 'user' && sensor?.ownerId === principal.userId;
    if (!sensor || (!isAdmin(principal) && !owns)) throw new ObjectNotVisibleError('sensor', sensorId);
    const stream = sensorVisibilityStream(sensorId);
    const recorded = await this.store.readStream(stream);
    const history = recorded.filter((e) => e.type === SENSOR_VISIBILITY_CHANGED).map((e) => ({ type: e.type, data: e.data }) as SensorVisibilityChanged);
    const events = decideVisibility(
      { type: 'ChangeSensorVisibility', data: { sensorId, gatewayId: sensor.gatewayId, visibility, changedBy: actorIdOf(principal), at: at.toISOString() } },
      foldVisibility(history),
    );
    // Asking for the visibility the sensor already has records nothing (and an append needs at least one event).
    if (events.length === 0) return { sensorId, visibility: visibility as SensorVisibility, changed: false };
    const last = recorded.at(-1);
    await this.store.append(stream, grantEvents(events, { actorId: actorIdOf(principal), correlationId }), { expectedRevision: last ? last.revision : 'no_stream' });
    return { sensorId, visibility: visibility as SensorVisibility, changed: events.length > 0 };
  }
}
