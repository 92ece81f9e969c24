import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { AlarmPage } from './alarm-view.js';

export const ALARM_STATES = ['open', 'cleared', 'all'] as const;
export type AlarmStateFilter = (typeof ALARM_STATES)[number];

export interface AlarmFilter {
  readonly state: AlarmStateFilter;
  readonly nodeId?: string;
  readonly sensorId?: string;
  /** Alarms that were open at some instant of [from, to): raised before `to`, not cleared before `from`. */
  readonly from?: string;
  readonly to?: string;
  /** Exclusive: alarms raised before the one with this seq. */
  readonly afterSeq?: number;
  readonly limit: number;
}

export class ListAlarms extends Query<AlarmPage> {
  constructor(
    readonly principal: Principal,
    readonly filter: AlarmFilter,
  ) {
    super();
  }
}
