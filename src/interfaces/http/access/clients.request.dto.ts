import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CLIENT_ROLES, type ClientRole } from '../../../domain/access/client-role.js';

export class RegisterApiClientRequestDto {
  @ApiProperty({
    maxLength: 100,
    description: 'The organisation the client acts for; trimmed, not blank',
    example: 'Grid Co',
  })
  @IsString()
  @MaxLength(100)
  organisation!: string;

  @ApiProperty({ maxLength: 100, example: 'billing export' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    enum: CLIENT_ROLES,
    default: 'api',
    description:
      '`api` reads what owners grant it; `bl` is a utility publishing programs and events over OpenADR 3.1.0',
  })
  @IsOptional()
  @IsIn(CLIENT_ROLES)
  role?: ClientRole;

  @ApiPropertyOptional({
    maxLength: 128,
    pattern: '^[a-zA-Z0-9_-]{1,128}$',
    description:
      'Only for `bl`: the provider it acts for (several clients may share one); default: a provider of its own',
    example: 'grid-co',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-zA-Z0-9_-]{1,128}$/)
  providerId?: string;
}
