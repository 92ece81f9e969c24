import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class RegisterUserRequestDto {
  @IsString()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MaxLength(100)
  displayName!: string;

  @IsIn(['admin', 'user'])
  role!: 'admin' | 'user';

  // The policy (length in code points, common-password list) gives the precise reason; this only bounds the body.
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class ChangeRoleRequestDto {
  @IsIn(['admin', 'user'])
  role!: 'admin' | 'user';
}

export class ReasonRequestDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class PageRequestDto {
  @IsOptional()
  @IsString()
  @MaxLength(254)
  after?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
