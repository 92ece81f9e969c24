import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorIdOf, isAdmin } from '../../../domain/access/principal.js';
import {
  SENSOR_VISIBILITY_CHANGED,
  sensorVisibilityDecider,
  type SensorVisibility,
  type SensorVisibilityChanged,
} from '../../../domain/access/sensor-visibility.decider.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type SqlExecutor } from '../../ports/read-model-db.port.js';
import { NotAuthenticatedError, ObjectNotVisibleError } from '../access.errors.js';
import { handleWithDecider, type StreamEvents } from '../../shared/decider-command.js';
import { OWNERSHIP_PERIODS_TABLE } from '../ownership-periods-read-model/ownership-periods.tables.js';
import { gatewaysOf } from '../access-read-model/access.sql.js';
import { ChangeSensorVisibility, type ChangedVisibility } from './change-sensor-visibility.command.js';

export function sensorVisibilityStream(sensorId: string): string {
  return `sensor-visibility-${sensorId}`;
}

const SENSOR_VISIBILITY_EVENTS: StreamEvents<SensorVisibilityChanged> = {
  accepts: (event) => event.type === SENSOR_VISIBILITY_CHANGED,
  schemaVersion: 1,
};

/** When the current owner's period of the gateway began; null for the first owner's, which has no start. */
async function currentPeriodStart(db: SqlExecutor, gatewayId: string): Promise<string | null> {
  const rows = await db.query<{ since: string | null }>(
    `SELECT CASE WHEN isfinite(valid_from) THEN to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END AS since
       FROM ${OWNERSHIP_PERIODS_TABLE} WHERE gateway_id = $1 AND valid_to IS NULL`,
    [gatewayId],
  );
  return rows[0]?.since ?? null;
}

@CommandHandler(ChangeSensorVisibility)
export class ChangeSensorVisibilityHandler implements ICommandHandler<ChangeSensorVisibility, ChangedVisibility> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqlExecutor,
  ) {}

  async execute({
    principal,
    sensorId,
    visibility,
    at,
    correlationId,
  }: ChangeSensorVisibility): Promise<ChangedVisibility> {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    const sensor = (await gatewaysOf(this.db, 'sensor', [sensorId])).get(sensorId);
    const owns = principal.kind === 'user' && sensor?.ownerId === principal.userId;
    if (!sensor || (!isAdmin(principal) && !owns)) throw new ObjectNotVisibleError('sensor', sensorId);
    const command = {
      type: 'ChangeSensorVisibility',
      data: {
        sensorId,
        gatewayId: sensor.gatewayId,
        visibility,
        changedBy: actorIdOf(principal),
        at: at.toISOString(),
        ownedSince: await currentPeriodStart(this.db, sensor.gatewayId),
      },
    } as const;
    const metadata = { actorId: actorIdOf(principal), correlationId };
    // Asking for the visibility the sensor already has records nothing.
    const { events } = await handleWithDecider(
      this.store,
      sensorVisibilityStream(sensorId),
      sensorVisibilityDecider,
      command,
      metadata,
      { events: SENSOR_VISIBILITY_EVENTS },
    );
    return { sensorId, visibility: visibility as SensorVisibility, changed: events.length > 0 };
  }
}
