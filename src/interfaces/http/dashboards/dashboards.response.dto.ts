import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RELATIVE_RANGES, TILE_KINDS } from '../../../domain/dashboards/dashboard.events.js';

export class TimeRangeDto {
  @ApiProperty({ enum: ['relative', 'absolute'] })
  kind!: 'relative' | 'absolute';
  @ApiPropertyOptional({ enum: RELATIVE_RANGES })
  last?: (typeof RELATIVE_RANGES)[number];
  @ApiPropertyOptional({ format: 'date-time' })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  to?: string;
}

export class TileDto {
  @ApiProperty()
  tileId!: string;
  @ApiProperty({ enum: TILE_KINDS })
  kind!: (typeof TILE_KINDS)[number];
  @ApiProperty()
  title!: string;
  @ApiPropertyOptional({ type: [String], description: 'chart, alarms' })
  sensorIds?: string[];
  @ApiPropertyOptional({ description: 'number, gauge, switch' })
  sensorId?: string;
  @ApiPropertyOptional({ description: 'gauge' })
  min?: number;
  @ApiPropertyOptional({ description: 'gauge' })
  max?: number;
  @ApiPropertyOptional({ type: TimeRangeDto, description: "chart, alarms: overrides the dashboard's range" })
  timeRange?: TimeRangeDto;
}

export class DashboardDto {
  @ApiProperty({ format: 'uuid' })
  dashboardId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: TimeRangeDto, description: 'The range every tile shows unless it has its own' })
  timeRange!: TimeRangeDto;
  @ApiProperty({ type: [TileDto], description: 'In grid order' })
  tiles!: TileDto[];
  @ApiProperty({ type: 'integer', description: 'The stream revision: send it back as `expectedVersion` to edit' })
  version!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When this version was recorded' })
  updatedAt!: string;
}

export class DashboardPageDto {
  @ApiProperty({ type: [DashboardDto] })
  items!: DashboardDto[];
}

export class DashboardPreviewDto extends DashboardDto {
  @ApiProperty({ type: 'integer', description: "The dashboard's newest version" })
  currentVersion!: number;
}

export class DashboardVersionDto {
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty({ description: 'Who made it (`user:<id>`, `client:<id>`)' })
  actorId!: string;
  @ApiProperty({ description: 'The stored event type' })
  type!: string;
  @ApiProperty({ description: 'What changed, in words' })
  change!: string;
}

export class DashboardVersionPageDto {
  @ApiProperty({ format: 'uuid' })
  dashboardId!: string;
  @ApiProperty({ type: [DashboardVersionDto], description: 'Newest first' })
  items!: DashboardVersionDto[];
}
