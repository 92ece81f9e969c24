import { Type } from 'class-transformer';
import { IsISO8601, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class AuditLogRequestDto {
  @IsOptional() @IsString() @MaxLength(200) stream?: string;
  @IsOptional() @IsString() @MaxLength(200) type?: string;
  @IsOptional() @IsString() @MaxLength(200) actorId?: string;
  /** A gateway, node, sensor or command id. */
  @IsOptional() @IsString() @MaxLength(300) object?: string;
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) afterSeq?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}
