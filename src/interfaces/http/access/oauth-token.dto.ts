import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OAuthErrorCode } from './oauth-errors.js';

/** RFC 6749 section 4.4.2: the token endpoint's own answer, snake_case as the RFC names it. */
export class TokenResponseDto {
  @ApiProperty({ description: 'Signed access token (JWT); send as `Authorization: Bearer …`' })
  readonly access_token!: string;
  @ApiProperty({ enum: ['Bearer'] }) readonly token_type!: 'Bearer';
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Seconds until the token expires' })
  readonly expires_in!: number;
}

/** RFC 6749 section 5.2: token-endpoint errors are this shape, not problem details, so OAuth client libraries read them. */
export class OAuthErrorDto {
  @ApiProperty({ enum: ['invalid_request', 'invalid_client', 'unsupported_grant_type'] })
  readonly error!: OAuthErrorCode;
  @ApiProperty() readonly error_description!: string;
}

/** The request, as JSON or `application/x-www-form-urlencoded`; the client may authenticate with HTTP Basic instead. */
export class TokenRequestDto {
  @ApiProperty({ enum: ['client_credentials'] }) readonly grant_type!: 'client_credentials';
  @ApiPropertyOptional({ description: 'Omit when sending HTTP Basic credentials' }) readonly client_id?: string;
  @ApiPropertyOptional({ description: 'Omit when sending HTTP Basic credentials' }) readonly client_secret?: string;
}
