import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type Server } from 'node:tls';
import { generate } from 'selfsigned';
import { createLogger } from '../logging/logger.js';
import { TlsCredentialsError, ensureHttpsCredentials, type HttpsCredentials } from './self-signed-certificate.js';

function recordingLogger(): { logger: ReturnType<typeof createLogger>; messages: () => string[] } {
  const chunks: string[] = [];
  const logger = createLogger('info', { write: (chunk: string) => void chunks.push(chunk) });
  return {
    logger,
    messages: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => (JSON.parse(l) as { msg: string }).msg),
  };
}

/** The certificate a TLS client actually receives, which proves key and certificate work together. */
async function servedFingerprint(credentials: HttpsCredentials): Promise<string> {
  const server: Server = createServer({ key: credentials.key, cert: credentials.cert }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    return await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ca: credentials.cert }, () => {
        resolve(socket.getPeerX509Certificate()!.fingerprint256);
        socket.destroy();
      });
      socket.on('error', reject);
    });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('ensureHttpsCredentials', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-tls-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates a one-year self-signed pair for localhost and 127.0.0.1 with a private key file', async () => {
    const log = recordingLogger();
    const credentials = await ensureHttpsCredentials({ dataDir }, log.logger);

    const certPem = readFileSync(join(dataDir, 'tls', 'cert.pem'), 'utf8');
    expect(readFileSync(join(dataDir, 'tls', 'key.pem'), 'utf8')).toBe(credentials.key);
    expect(certPem).toBe(credentials.cert);
    expect(statSync(join(dataDir, 'tls', 'key.pem')).mode & 0o777).toBe(0o600);

    const x509 = new X509Certificate(certPem);
    expect(x509.fingerprint256).toBe(credentials.fingerprint256);
    expect(credentials.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(x509.subjectAltName).toContain('DNS:localhost');
    expect(x509.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    const lifetimeDays = (Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86_400_000;
    expect(lifetimeDays).toBeGreaterThanOrEqual(364);
    expect(lifetimeDays).toBeLessThanOrEqual(366);
    expect(log.messages()[0]).toMatch(/^generated a self-signed TLS certificate/);

    expect(await servedFingerprint(credentials)).toBe(credentials.fingerprint256);
    // Staging directories are cleaned up.
    expect(readdirSync(dataDir)).toEqual(['tls']);
  });

  it('reuses the stored pair on later starts, so the fingerprint is stable', async () => {
    const first = await ensureHttpsCredentials({ dataDir }, recordingLogger().logger);
    const log = recordingLogger();
    const second = await ensureHttpsCredentials({ dataDir }, log.logger);
    expect(second).toEqual(first);
    expect(log.messages()).toEqual(['using self-signed TLS certificate']);
  });

  it('two concurrent first starts agree on one pair', async () => {
    const logs = [recordingLogger(), recordingLogger()];
    const [a, b] = await Promise.all(logs.map((log) => ensureHttpsCredentials({ dataDir }, log.logger)));
    const stored = readFileSync(join(dataDir, 'tls', 'cert.pem'), 'utf8');
    expect(a!.cert).toBe(stored);
    expect(b!.cert).toBe(stored);
    expect(a!.key).toBe(b!.key);
    const messages = logs.flatMap((log) => log.messages()).sort();
    expect(messages).toEqual([expect.stringMatching(/^generated a self-signed/), 'using self-signed TLS certificate']);
  });

  it('replaces an expired generated certificate and keeps the old one aside', async () => {
    const old = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - 400 * 86_400_000),
      notAfterDate: new Date(Date.now() - 35 * 86_400_000),
    });
    mkdirSync(join(dataDir, 'tls'));
    writeFileSync(join(dataDir, 'tls', 'cert.pem'), old.cert);
    writeFileSync(join(dataDir, 'tls', 'key.pem'), old.private, { mode: 0o600 });

    const credentials = await ensureHttpsCredentials({ dataDir }, recordingLogger().logger);
    expect(credentials.cert).not.toBe(old.cert);
    expect(Date.parse(new X509Certificate(credentials.cert).validTo)).toBeGreaterThan(Date.now());
    expect(readdirSync(dataDir).filter((name) => name.startsWith('tls.expired-'))).toHaveLength(1);
  });

  it('refuses a half-present generated pair instead of silently replacing it', async () => {
    mkdirSync(join(dataDir, 'tls'));
    writeFileSync(join(dataDir, 'tls', 'cert.pem'), 'x');
    await expect(ensureHttpsCredentials({ dataDir }, recordingLogger().logger)).rejects.toThrow(
      /holds only cert\.pem; delete the directory/,
    );
  });

  describe('with WATTLOG_TLS_CERT / WATTLOG_TLS_KEY', () => {
    let provided: { cert: string; private: string };
    let tlsCertPath: string;
    let tlsKeyPath: string;
    beforeEach(async () => {
      provided = await generate([{ name: 'commonName', value: 'wattlog.test' }], {
        keyType: 'ec',
        algorithm: 'sha256',
      });
      tlsCertPath = join(dataDir, 'provided-cert.pem');
      tlsKeyPath = join(dataDir, 'provided-key.pem');
      writeFileSync(tlsCertPath, provided.cert);
      writeFileSync(tlsKeyPath, provided.private);
    });

    it('uses the configured files and generates nothing', async () => {
      const credentials = await ensureHttpsCredentials({ dataDir, tlsCertPath, tlsKeyPath }, recordingLogger().logger);
      expect(credentials).toEqual({
        cert: provided.cert,
        key: provided.private,
        fingerprint256: new X509Certificate(provided.cert).fingerprint256,
      });
      expect(readdirSync(dataDir).sort()).toEqual(['provided-cert.pem', 'provided-key.pem']);
    });

    it('names the variable and path when a file cannot be read', async () => {
      const missing = join(dataDir, 'nope.pem');
      const error = await ensureHttpsCredentials(
        { dataDir, tlsCertPath, tlsKeyPath: missing },
        recordingLogger().logger,
      ).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TlsCredentialsError);
      expect((error as Error).message).toBe(
        `WATTLOG_TLS_KEY=${missing} cannot be read (ENOENT); point it at a readable PEM file`,
      );
    });

    it('rejects a key that does not belong to the certificate', async () => {
      const other = await generate([{ name: 'commonName', value: 'other' }], { keyType: 'ec', algorithm: 'sha256' });
      writeFileSync(tlsKeyPath, other.private);
      await expect(
        ensureHttpsCredentials({ dataDir, tlsCertPath, tlsKeyPath }, recordingLogger().logger),
      ).rejects.toThrow(/the private key does not belong to the certificate/);
    });

    it('rejects a file that is not a certificate', async () => {
      writeFileSync(tlsCertPath, 'not a certificate');
      await expect(
        ensureHttpsCredentials({ dataDir, tlsCertPath, tlsKeyPath }, recordingLogger().logger),
      ).rejects.toThrow(/the certificate is not a PEM X\.509 certificate/);
    });
  });
});
