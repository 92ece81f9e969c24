import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CHANNEL_KINDS } from '../../../domain/notifications/notification-topics.js';

export class AddChannelRequestDto {
  @ApiProperty({ enum: CHANNEL_KINDS, description: '`webhook`: signed POSTs to `address`; `email`: mail to `address`' })
  @IsIn(CHANNEL_KINDS, { message: `kind must be one of: ${CHANNEL_KINDS.join(', ')}` })
  kind!: (typeof CHANNEL_KINDS)[number];
  @ApiProperty({ maxLength: 2048, description: 'An HTTPS URL (webhook) or an e-mail address' })
  @IsString()
  @Length(3, 2048)
  address!: string;
}

export class VerifyChannelRequestDto {
  @ApiProperty({ pattern: '^\\d{6}$', description: 'The six digits mailed to the address' })
  @IsString()
  @Matches(/^\s*\d{6}\s*$/, { message: 'code must be six digits' })
  code!: string;
}

export class ChannelEnabledRequestDto {
  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;
}

export class PreferenceRequestDto {
  @ApiProperty({ description: 'Whether the topic reaches the channel' })
  @IsBoolean()
  enabled!: boolean;
}

export class QuietHoursRequestDto {
  @ApiProperty({ example: '22:00', description: 'Local time HH:MM' })
  @IsString()
  @MaxLength(5)
  start!: string;
  @ApiProperty({ example: '07:00', description: 'Local time HH:MM; before `start`: the quiet hours cross midnight' })
  @IsString()
  @MaxLength(5)
  end!: string;
  @ApiProperty({ example: 'Europe/Amsterdam', description: 'IANA time zone the times are in' })
  @IsString()
  @Length(1, 64)
  timeZone!: string;
}

export class InboxQueryDto {
  @ApiPropertyOptional({ description: 'Only unread items' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class MarkReadRequestDto {
  @ApiPropertyOptional({ type: [String], maxItems: 1000, description: 'The items to mark read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ids?: string[];
  @ApiPropertyOptional({ description: 'Mark every unread item read (instead of `ids`)' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}
