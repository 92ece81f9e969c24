import { IsString, MaxLength } from 'class-validator';

export class RegisterApiClientRequestDto {
  @IsString()
  @MaxLength(100)
  organisation!: string;

  @IsString()
  @MaxLength(100)
  name!: string;
}
