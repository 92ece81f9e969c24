import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 254, example: 'ada@example.org' })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  email!: string;

  // Longer than any allowed password, so a too-long attempt is simply wrong, while a megabyte never reaches scrypt.
  @ApiProperty({ minLength: 1, maxLength: 1024, format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class RefreshRequestDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    description:
      'The refresh token of the last login or refresh answer; omitted by a browser, whose token is in the refresh cookie',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 1024, format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 1024,
    format: 'password',
    description: 'At least 12 characters, not a common password',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  newPassword!: string;
}
