import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { mainMeterDecider } from '../../../domain/access/main-meter.decider.js';
import { actorIdOf } from '../../../domain/access/principal.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { NotAuthenticatedError } from '../access.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../ports/access-policy.port.js';
import { ChooseMainMeter } from './choose-main-meter.command.js';
import { MAIN_METER_EVENTS, mainMeterStream, type MainMeter } from './main-meter-stream.js';

/** The caller may choose only a sensor it may read (404 otherwise, as for any sensor it may not see). */
@CommandHandler(ChooseMainMeter)
export class ChooseMainMeterHandler implements ICommandHandler<ChooseMainMeter, MainMeter> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({ principal, sensorId, at, correlationId }: ChooseMainMeter): Promise<MainMeter> {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    let quantity: string | null = null;
    if (sensorId !== null) {
      await this.policy.assertSensorRight(principal, sensorId, 'read');
      const [row] = await this.db.query<{ quantity: string }>(
        'SELECT quantity FROM readings_latest WHERE sensor_id = $1',
        [sensorId],
      );
      quantity = row?.quantity ?? null;
    }
    const actorId = actorIdOf(principal);
    await handleWithDecider(
      this.store,
      mainMeterStream(actorId),
      mainMeterDecider,
      { type: 'ChooseMainMeter', data: { actorId, sensorId, quantity, at: at.toISOString() } },
      { actorId, correlationId },
      { events: MAIN_METER_EVENTS },
    );
    return { sensorId };
  }
}
