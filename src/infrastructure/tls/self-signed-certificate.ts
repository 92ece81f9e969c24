import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { generate } from 'selfsigned';
import type { AppConfig } from '../config/app-config.js';

export interface HttpsCredentials {
  /** PEM. */
  readonly key: string;
  /** PEM. */
  readonly cert: string;
  /** Colon-separated upper-case hex, as browsers and `openssl x509 -fingerprint -sha256` show it. */
  readonly fingerprint256: string;
}

export class TlsCredentialsError extends Error {
  override readonly name = 'TlsCredentialsError';
}

export type TlsConfig = Pick<AppConfig, 'dataDir' | 'tlsCertPath' | 'tlsKeyPath'>;
export type TlsLogger = Pick<Logger, 'info' | 'warn'>;

const VALID_DAYS = 365;

/**
 * Key and certificate for the HTTPS listener: the operator's files when WATTLOG_TLS_CERT/KEY are set, otherwise a
 * self-signed pair generated once under `<dataDir>/tls` and reused, so the fingerprint users pinned stays the same.
 */
export async function ensureHttpsCredentials(config: TlsConfig, logger: TlsLogger): Promise<HttpsCredentials> {
  if (config.tlsCertPath !== undefined && config.tlsKeyPath !== undefined) {
    const cert = readPem('WATTLOG_TLS_CERT', config.tlsCertPath);
    const key = readPem('WATTLOG_TLS_KEY', config.tlsKeyPath);
    const credentials = verifyPair(
      cert,
      key,
      `WATTLOG_TLS_CERT=${config.tlsCertPath} / WATTLOG_TLS_KEY=${config.tlsKeyPath}`,
    );
    logger.info(
      { certPath: config.tlsCertPath, fingerprint256: credentials.fingerprint256 },
      'using configured TLS certificate',
    );
    return credentials;
  }

  const dir = join(config.dataDir, 'tls');
  const existing = readGenerated(dir);
  if (existing && !expired(existing.cert)) {
    logger.info(
      { certPath: join(dir, 'cert.pem'), fingerprint256: existing.fingerprint256 },
      'using self-signed TLS certificate',
    );
    return existing;
  }
  if (existing) {
    // Keep the old pair for inspection instead of deleting key material.
    const retired = `${dir}.expired-${Date.now()}`;
    renameSync(dir, retired);
    logger.warn({ retired }, 'self-signed TLS certificate expired; generating a new one (its fingerprint changes)');
  }

  const generated = await generatePair();
  if (!install(config.dataDir, dir, generated)) {
    const winner = readGenerated(dir);
    if (!winner) throw new TlsCredentialsError(`could not install a self-signed certificate into ${dir}`);
    logger.info(
      { certPath: join(dir, 'cert.pem'), fingerprint256: winner.fingerprint256 },
      'using self-signed TLS certificate',
    );
    return winner;
  }
  logger.warn(
    { certPath: join(dir, 'cert.pem'), fingerprint256: generated.fingerprint256 },
    'generated a self-signed TLS certificate; clients will warn until they trust it (compare this fingerprint), or set WATTLOG_TLS_CERT/WATTLOG_TLS_KEY',
  );
  return generated;
}

function readPem(variable: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new TlsCredentialsError(`${variable}=${path} cannot be read (${reason}); point it at a readable PEM file`);
  }
}

function verifyPair(cert: string, key: string, where: string): HttpsCredentials {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new TlsCredentialsError(`${where}: the certificate is not a PEM X.509 certificate`);
  }
  let matches: boolean;
  try {
    matches = x509.checkPrivateKey(createPrivateKey(key));
  } catch {
    throw new TlsCredentialsError(`${where}: the key is not an unencrypted PEM private key`);
  }
  if (!matches) throw new TlsCredentialsError(`${where}: the private key does not belong to the certificate`);
  return { key, cert, fingerprint256: x509.fingerprint256 };
}

function expired(cert: string): boolean {
  return new Date(new X509Certificate(cert).validTo).getTime() <= Date.now();
}

function readGenerated(dir: string): HttpsCredentials | null {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  const hasCert = existsSync(certPath);
  const hasKey = existsSync(keyPath);
  if (!hasCert && !hasKey) return null;
  if (!hasCert || !hasKey) {
    throw new TlsCredentialsError(
      `${dir} holds only ${hasCert ? 'cert.pem' : 'key.pem'}; delete the directory to generate a new pair`,
    );
  }
  return verifyPair(readFileSync(certPath, 'utf8'), readFileSync(keyPath, 'utf8'), dir);
}

async function generatePair(): Promise<HttpsCredentials> {
  const notBeforeDate = new Date();
  const notAfterDate = new Date(notBeforeDate.getTime() + VALID_DAYS * 24 * 60 * 60 * 1000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return verifyPair(pems.cert, pems.private, 'generated certificate');
}

/**
 * Writes the pair into a private staging directory and renames it into place. Renaming a directory is atomic and
 * fails when the target already has files, so two processes starting at once cannot end up with one's key next to
 * the other's certificate. Returns false when another process won; the caller then reads the winner's pair.
 */
function install(dataDir: string, dir: string, pair: HttpsCredentials): boolean {
  mkdirSync(dataDir, { recursive: true });
  const staging = join(dataDir, `.tls-${randomBytes(6).toString('hex')}`);
  mkdirSync(staging, { mode: 0o700 });
  try {
    writeFileSync(join(staging, 'key.pem'), pair.key, { mode: 0o600 });
    // writeFileSync's mode is filtered by the umask; the key must never be group- or world-readable.
    chmodSync(join(staging, 'key.pem'), 0o600);
    writeFileSync(join(staging, 'cert.pem'), pair.cert, { mode: 0o644 });
    try {
      renameSync(staging, dir);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
      throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
