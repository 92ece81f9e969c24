import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SKIP_REASONS } from '../../../domain/automation/planner.types.js';

export class RuleOriginDto {
  @ApiProperty({ enum: ['owner', 'provider'] })
  kind!: 'owner' | 'provider';
  @ApiPropertyOptional({ description: 'provider: who proposed it' })
  providerId?: string;
  @ApiPropertyOptional({ description: 'provider: for which program' })
  programId?: string;
}

export class RuleDto {
  @ApiProperty()
  ruleId!: string;
  @ApiProperty()
  ownerId!: string;
  @ApiProperty({ type: RuleOriginDto })
  origin!: RuleOriginDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The rule spec (docs/automation.md)' })
  spec!: Record<string, unknown>;
  @ApiProperty({ description: 'Names this exact version; what an acceptance names' })
  specHash!: string;
  @ApiProperty({ enum: ['accepted', 'pending', 'declined'] })
  acceptance!: string;
  @ApiProperty()
  enabled!: boolean;
  @ApiProperty({ description: 'Enabled and its current version accepted: the planner uses it' })
  inForce!: boolean;
  @ApiProperty({ minimum: 0 })
  version!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class RulePageDto {
  @ApiProperty({ type: [RuleDto] })
  items!: RuleDto[];
}

export class HoldSourceDto {
  @ApiProperty({ enum: ['dr', 'rule'] })
  kind!: 'dr' | 'rule';
  @ApiPropertyOptional()
  eventId?: string;
}

export class PlannedHoldDto {
  @ApiProperty()
  holdId!: string;
  @ApiProperty()
  ruleId!: string;
  @ApiProperty()
  sensorId!: string;
  @ApiProperty({ enum: ['off', 'on'] })
  action!: 'off' | 'on';
  @ApiProperty({ type: HoldSourceDto })
  source!: HoldSourceDto;
  @ApiProperty({ description: 'The need served: a DR event id, or `rule@<start>`' })
  episode!: string;
  @ApiProperty({ format: 'date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time' })
  until!: string;
  @ApiProperty({ format: 'date-time', description: 'Enforced even if the signal is never withdrawn' })
  hardUntil!: string;
  @ApiProperty({ enum: ['previous', 'on', 'none'] })
  restore!: string;
  @ApiProperty({ format: 'date-time', description: '`until` plus the stagger of this event and plug' })
  restoreAt!: string;
}

export class SkippedResourceDto {
  @ApiProperty()
  ruleId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: the rule as a whole (stale prices)' })
  sensorId!: string | null;
  @ApiProperty()
  episode!: string;
  @ApiProperty({ enum: SKIP_REASONS })
  reason!: string;
  @ApiProperty({ format: 'date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time' })
  to!: string;
}

export class PlannedNotificationDto {
  @ApiProperty()
  ruleId!: string;
  @ApiProperty()
  episode!: string;
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty()
  topic!: string;
}

export class PlanDto {
  @ApiProperty({ type: [PlannedHoldDto] })
  holds!: PlannedHoldDto[];
  @ApiProperty({ type: [SkippedResourceDto], description: 'Minutes of a need not acted on, and why' })
  skipped!: SkippedResourceDto[];
  @ApiProperty({ type: [PlannedNotificationDto] })
  notifications!: PlannedNotificationDto[];
}
