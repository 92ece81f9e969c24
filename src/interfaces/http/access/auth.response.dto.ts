import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TokenPair } from '../../../application/access/login/authentication.service.js';

// Response shapes for the OpenAPI document; `implements` keeps them in step with what the service returns.

export class TokenPairDto implements Omit<TokenPair, 'refreshToken'> {
  @ApiProperty({ description: 'Signed access token (JWT); send as `Authorization: Bearer …`' })
  readonly accessToken!: string;
  @ApiPropertyOptional({
    description:
      'Opaque, single use: a refresh answers a new pair, and reusing an old one ends the session. Absent for browser callers, who get it as the HttpOnly refresh cookie',
  })
  readonly refreshToken?: string;
  @ApiProperty({ enum: ['Bearer'] }) readonly tokenType!: 'Bearer';
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Seconds until the access token expires' })
  readonly expiresIn!: number;
}

/**
 * The caller as the server sees it. `Principal` is a union (user, client), which a class cannot implement; the
 * fields present depend on `kind`.
 */
export class CurrentPrincipalDto {
  @ApiProperty({ enum: ['user', 'client'] }) readonly kind!: 'user' | 'client';
  @ApiPropertyOptional({ description: 'Users only; `bootstrap-admin` for the bootstrap admin token' })
  readonly userId?: string;
  @ApiPropertyOptional({ enum: ['admin', 'user'], description: 'Users only' }) readonly role?: 'admin' | 'user';
  @ApiPropertyOptional({ description: 'API clients only' }) readonly clientId?: string;
  @ApiPropertyOptional({ description: 'API clients only' }) readonly organisation?: string;
  @ApiPropertyOptional({ enum: ['api', 'bl'], description: 'API clients only: `bl` for a utility speaking OpenADR' })
  readonly clientRole?: 'api' | 'bl';
  @ApiPropertyOptional({ type: [String], description: 'API clients only: the OpenADR scopes the token carries' })
  readonly scopes?: string[];
  @ApiPropertyOptional({ description: 'Users logged in with a password only: the login session the token belongs to' })
  readonly sessionId?: string;
}
