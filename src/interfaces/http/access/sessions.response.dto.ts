import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document of a user's login sessions.

export class SessionViewDto {
  @ApiProperty() readonly sessionId!: string;
  @ApiProperty({ format: 'date-time', description: 'The login that opened it' }) readonly createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Its refresh tokens stop working then, however often used' })
  readonly expiresAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The login or the latest refresh' })
  readonly lastRefreshedAt!: string;
  @ApiProperty({ description: 'The session of the token that asked' }) readonly current!: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionViewDto], description: 'Open sessions, the most recently refreshed first' })
  readonly items!: SessionViewDto[];
}

export class RevokedSessionsDto {
  @ApiProperty({ description: 'How many open sessions ended' }) readonly revoked!: number;
}
