import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { mainMeterDecider } from '../../../domain/access/main-meter.decider.js';
import { actorIdOf } from '../../../domain/access/principal.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { loadStream } from '../../shared/decider-command.js';
import { NotAuthenticatedError, ObjectNotVisibleError } from '../access.errors.js';
import { MAIN_METER_EVENTS, mainMeterStream, type MainMeter } from '../choose-main-meter/main-meter-stream.js';
import { ACCESS_POLICY, type AccessPolicy } from '../ports/access-policy.port.js';
import { GetMainMeter } from './get-main-meter.query.js';

/** A fold of the caller's own small stream; a meter the caller may no longer read answers as none. */
@QueryHandler(GetMainMeter)
export class GetMainMeterHandler implements IQueryHandler<GetMainMeter, MainMeter> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({ principal }: GetMainMeter): Promise<MainMeter> {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    const { state: sensorId } = await loadStream(
      this.store,
      mainMeterStream(actorIdOf(principal)),
      mainMeterDecider,
      MAIN_METER_EVENTS,
    );
    if (sensorId === null) return { sensorId: null };
    try {
      await this.policy.assertSensorRight(principal, sensorId, 'read');
      return { sensorId };
    } catch (error) {
      if (error instanceof ObjectNotVisibleError) return { sensorId: null };
      throw error;
    }
  }
}
