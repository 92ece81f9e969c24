import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { AlarmView } from './alarm-view.js';

export class GetAlarm extends Query<AlarmView> {
  constructor(
    readonly principal: Principal,
    readonly alarmId: string,
  ) {
    super();
  }
}
