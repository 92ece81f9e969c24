import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLIENT_ROLES, type ClientRole } from '../../../domain/access/client-role.js';
import type { ApiClientView } from '../../../application/access/api-clients-read-model/api-clients.sql.js';
import type { ApiClientPage } from '../../../application/access/list-api-clients/list-api-clients.query.js';
import type { IssuedClientSecret } from '../../../application/access/register-api-client/register-api-client.command.js';
import type { RevokedApiClient } from '../../../application/access/revoke-api-client/revoke-api-client.command.js';
import type { RotatedClientSecret } from '../../../application/access/rotate-api-client-secret/rotate-api-client-secret.command.js';

// Response shapes for the OpenAPI document; `implements` keeps them in step with what the handlers return.

const SECRET = {
  description: 'Shown in this answer only; the server keeps a verifier, never the secret',
  pattern: '^[A-Za-z0-9_-]{43}$',
};

export class IssuedClientSecretDto implements IssuedClientSecret {
  @ApiProperty() readonly clientId!: string;
  @ApiProperty() readonly organisation!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty(SECRET) readonly clientSecret!: string;
  @ApiProperty({ description: 'Fingerprint of the secret, as lists and events show it' })
  readonly secretFingerprint!: string;
  @ApiProperty({
    enum: CLIENT_ROLES,
    description: '`api`: reads what owners grant; `bl`: a utility speaking OpenADR 3.1.0',
  })
  readonly role!: ClientRole;
  @ApiPropertyOptional({ description: 'The provider a `bl` client acts for' })
  readonly providerId?: string;
}

export class RotatedClientSecretDto implements RotatedClientSecret {
  @ApiProperty() readonly clientId!: string;
  @ApiProperty(SECRET) readonly clientSecret!: string;
  @ApiProperty() readonly secretFingerprint!: string;
}

export class RevokedApiClientDto implements RevokedApiClient {
  @ApiProperty() readonly clientId!: string;
  @ApiProperty({ enum: [true] }) readonly revoked!: true;
}

export class ApiClientViewDto implements ApiClientView {
  @ApiProperty() readonly clientId!: string;
  @ApiProperty() readonly organisation!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty() readonly secretFingerprint!: string;
  @ApiProperty({ format: 'date-time' }) readonly registeredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly secretRotatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly revokedReason!: string | null;
}

export class ApiClientPageDto implements ApiClientPage {
  @ApiProperty({ type: [ApiClientViewDto] }) readonly items!: ApiClientViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null at the end' })
  readonly nextAfter!: string | null;
}
