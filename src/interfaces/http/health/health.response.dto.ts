import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['up'] }) readonly status!: 'up';
}

export class DependencyCheckDto {
  @ApiProperty({ enum: ['up', 'down'] }) readonly status!: 'up' | 'down';
  @ApiPropertyOptional({ description: 'Why it is down' }) readonly error?: string;
}

export class HealthChecksDto {
  @ApiProperty({ type: DependencyCheckDto }) readonly eventStore!: DependencyCheckDto;
  @ApiProperty({ type: DependencyCheckDto }) readonly readModels!: DependencyCheckDto;
}

export class ProjectionHealthDto {
  @ApiProperty() readonly name!: string;
  @ApiProperty({ description: 'This node runs it (holds its lock)' }) readonly active!: boolean;
  @ApiProperty({ type: 'integer', description: 'Events in the log after its checkpoint' }) readonly lag!: number;
  @ApiProperty({ type: String, nullable: true }) readonly lastError!: string | null;
}

export class HealthReportDto {
  @ApiProperty({ enum: ['up', 'down'] }) readonly status!: 'up' | 'down';
  @ApiProperty({ type: HealthChecksDto }) readonly checks!: HealthChecksDto;
  @ApiProperty({ type: [ProjectionHealthDto], description: 'Empty while a database is down' })
  readonly projections!: ProjectionHealthDto[];
}
