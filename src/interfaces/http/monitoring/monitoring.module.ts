import { Module } from '@nestjs/common';
import {
  GetAlarmHandler,
  ListAlarmsHandler,
} from '../../../application/monitoring/query-alarms/query-alarms.handlers.js';
import { AccessPolicyModule } from '../access/access-policy.module.js';
import { AlarmsController } from './alarms.controller.js';

@Module({
  imports: [AccessPolicyModule],
  controllers: [AlarmsController],
  providers: [ListAlarmsHandler, GetAlarmHandler],
})
export class MonitoringModule {}
