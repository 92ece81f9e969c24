import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class RegisterUserRequestDto {
  @ApiProperty({ maxLength: 254, example: 'ada@example.org' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ['admin', 'user'] })
  @IsIn(['admin', 'user'])
  role!: 'admin' | 'user';

  // The policy (length in code points, common-password list) gives the precise reason; this only bounds the body.
  @ApiProperty({
    minLength: 1,
    maxLength: 1024,
    format: 'password',
    description: 'At least 12 characters, not a common password',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class ChangeRoleRequestDto {
  @ApiProperty({ enum: ['admin', 'user'] })
  @IsIn(['admin', 'user'])
  role!: 'admin' | 'user';
}

export class ReasonRequestDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class PageRequestDto {
  @ApiPropertyOptional({ maxLength: 254, description: 'The `nextAfter` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  after?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
