import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

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
}
