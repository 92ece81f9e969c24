import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { ReplayState, ReplayView } from '../../../application/projections/replay-jobs.js';

export class StartReplayRequestDto {
  @ApiProperty({ description: 'A read model (its table name, as /health lists it), or `all`', example: 'audit_log' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z_]+$/, { message: 'projection must be a read model name or all' })
  projection!: string;
}

export class ReplayDto implements ReplayView {
  @ApiProperty() readonly replayId!: string;
  @ApiProperty({ description: 'What was asked: a read model or `all`' }) readonly projection!: string;
  @ApiProperty({ enum: ['running', 'done', 'failed'] }) readonly state!: ReplayState;
  @ApiProperty({ type: [String], description: 'The read models in the order they are rebuilt' })
  readonly projections!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Being rebuilt now' }) readonly current!: string | null;
  @ApiProperty({ type: 'integer', description: 'Events applied so far' }) readonly applied!: number;
  @ApiProperty({ type: 'integer', description: 'Events to apply (the log may grow meanwhile)' })
  readonly total!: number;
  @ApiProperty({ type: 'integer' }) readonly eventsPerSecond!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Seconds left at the rate so far' })
  readonly etaSeconds!: number | null;
  @ApiProperty({ format: 'date-time' }) readonly startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly finishedAt!: string | null;
  @ApiProperty({ description: 'Actor id of whoever started it' }) readonly startedBy!: string;
  @ApiProperty({ type: String, nullable: true }) readonly error!: string | null;
}

export class ReplayListDto {
  @ApiProperty({ type: [ReplayDto], description: "This node's latest replays, newest first" })
  readonly items!: ReplayDto[];
  @ApiProperty({ type: [String], description: 'Read models a replay can be started for (besides `all`)' })
  readonly readModels!: string[];
}
