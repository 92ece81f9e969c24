import { randomBytes } from 'node:crypto';
import { ReadModelAccessPolicy } from '../../src/application/access/policy/read-model-access-policy.js';
import { systemClock } from '../../src/application/ports/clock.port.js';
import { BOOTSTRAP_ADMIN } from '../../src/domain/access/principal.js';
import type { KeyVault } from '../../src/application/gateways/ports/key-vault.port.js';
import { masterKeyId } from '../../src/infrastructure/crypto/master-key.js';
import { PostgresKeyVault } from '../../src/infrastructure/crypto/postgres-key-vault.adapter.js';
import { openBackend, type BackendName, type SqlBackend } from './sql-backends.js';

export interface GatewayBackend extends SqlBackend {
  readonly vault: KeyVault;
}

/** A migrated store + read models with the real AES-GCM key vault under a random master key. */
export async function openGatewayBackend(name: BackendName, label: string): Promise<GatewayBackend> {
  const backend = await openBackend(name, label);
  const key = randomBytes(32);
  return { ...backend, vault: new PostgresKeyVault(backend.db, { key, id: masterKeyId(key), source: 'test' }) };
}

export const ADMIN = { actorId: 'user:bootstrap-admin', correlationId: 'corr-1', principal: BOOTSTRAP_ADMIN } as const;

/** The real access policy over the backend's read models. */
export function policyOf(backend: SqlBackend): ReadModelAccessPolicy {
  return new ReadModelAccessPolicy(backend.db, systemClock);
}
