import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OAuthErrorCode } from './oauth-errors.js';

/** RFC 6749 section 4.4.2: the token endpoint's own answer, snake_case as the RFC names it. */
export class TokenResponseDto {
  @ApiProperty({ description: 'Signed access token (JWT); send as `Authorization: Bearer …`' })
  readonly access_token!: string;
  @ApiProperty({ enum: ['Bearer'] }) readonly token_type!: 'Bearer';
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Seconds until the token expires' })
  readonly expires_in!: number;
  @ApiPropertyOptional({ description: 'The scopes granted, space-delimited (OpenADR 3.1.0 scopes of `bl` clients)' })
  readonly scope?: string;
}

/** RFC 6749 section 5.2: token-endpoint errors are this shape, not problem details, so OAuth client libraries read them. */
export class OAuthErrorDto {
  @ApiProperty({ enum: ['invalid_request', 'invalid_client', 'invalid_scope', 'unsupported_grant_type'] })
  readonly error!: OAuthErrorCode;
  @ApiProperty() readonly error_description!: string;
}

/** The request, as JSON or `application/x-www-form-urlencoded`; the client may authenticate with HTTP Basic instead. */
export class TokenRequestDto {
  @ApiProperty({ enum: ['client_credentials'] }) readonly grant_type!: 'client_credentials';
  @ApiPropertyOptional({ description: 'Omit when sending HTTP Basic credentials' }) readonly client_id?: string;
  @ApiPropertyOptional({ description: 'Omit when sending HTTP Basic credentials' }) readonly client_secret?: string;
  @ApiPropertyOptional({
    description:
      'Space-delimited scopes (RFC 6749 3.3); each must be one the client role holds, else `invalid_scope`. Omitted: all of them',
    example: 'read_all write_events',
  })
  readonly scope?: string;
}
