import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class AuditLogRequestDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'gateway-gw-1' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  stream?: string;
  @ApiPropertyOptional({ maxLength: 200, example: 'GatewayRegistered' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  type?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorId?: string;
  @ApiPropertyOptional({ maxLength: 300, description: 'A gateway, node, sensor or command id the entry is about' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  object?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
  @ApiPropertyOptional({ format: 'date-time', description: 'ISO-8601; entries recorded at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'ISO-8601; entries recorded before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  // A bigint column; numbers past 2^53 are not exact in JSON or JavaScript anyway.
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'The `nextAfterSeq` of the previous page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  afterSeq?: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'With `order=desc`: the `nextBeforeSeq` of the previous page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  beforeSeq?: number;
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: '`desc`: newest first' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
