import { isAbsolute, join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

const PG = 'postgres://postgres@127.0.0.1:5432/test';
const ESDB = 'esdb://127.0.0.1:2113?tls=false';

/** The single line a bad environment produces; fails the test when nothing is thrown. */
function errorFor(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has working defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      store: 'embedded',
      readModelStore: 'embedded',
      dataDir: join(process.cwd(), 'data'),
      host: '0.0.0.0',
      port: 3000,
      projectionPartitions: 1,
      http: 'https',
      logLevel: 'info',
      demo: true,
      rateLimit: { principal: { ratePerSecond: 100, burst: 500 }, anonymous: { ratePerSecond: 10, burst: 50 } },
      seriesMemoryMiB: 64,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ WATTLOG_STORE: '', PORT: '', WATTLOG_TLS_CERT: '', DATABASE_URL: '' })).toEqual(loadConfig({}));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      WATTLOG_STORE: 'postgres',
      DATABASE_URL: PG,
      WATTLOG_DATA_DIR: '/var/lib/wattlog',
      PORT: '8443',
      WATTLOG_HOST: '127.0.0.1',
      WATTLOG_HTTP: 'https',
      WATTLOG_TLS_CERT: '/etc/wattlog/cert.pem',
      WATTLOG_TLS_KEY: '/etc/wattlog/key.pem',
      LOG_LEVEL: 'debug',
      WATTLOG_DEMO: 'off',
      WATTLOG_ADMIN_TOKEN: 'x'.repeat(32),
      WATTLOG_RATE_LIMIT_RPS: '2000',
      WATTLOG_RATE_LIMIT_BURST: '10000',
      WATTLOG_RATE_LIMIT_ANON_RPS: '0.5',
      WATTLOG_RATE_LIMIT_ANON_BURST: '5',
      WATTLOG_SERIES_MEMORY_MIB: '256',
      WATTLOG_PROJECTION_PARTITIONS: '4',
    });
    expect(config).toEqual({
      store: 'postgres',
      readModelStore: 'postgres',
      databaseUrl: PG,
      dataDir: '/var/lib/wattlog',
      host: '127.0.0.1',
      port: 8443,
      projectionPartitions: 4,
      http: 'https',
      tlsCertPath: '/etc/wattlog/cert.pem',
      tlsKeyPath: '/etc/wattlog/key.pem',
      logLevel: 'debug',
      demo: false,
      adminToken: 'x'.repeat(32),
      rateLimit: { principal: { ratePerSecond: 2000, burst: 10_000 }, anonymous: { ratePerSecond: 0.5, burst: 5 } },
      seriesMemoryMiB: 256,
    });
  });

  it('keeps no series days in memory at 0 MiB, and refuses a size that is not a whole number', () => {
    expect(loadConfig({ WATTLOG_SERIES_MEMORY_MIB: '0' }).seriesMemoryMiB).toBe(0);
    expect(() => loadConfig({ WATTLOG_SERIES_MEMORY_MIB: '1.5' })).toThrow(
      'WATTLOG_SERIES_MEMORY_MIB="1.5" is not allowed; expected a whole number from 0 to 65536 (default 64)',
    );
    expect(() => loadConfig({ WATTLOG_SERIES_MEMORY_MIB: '70000' })).toThrow(/WATTLOG_SERIES_MEMORY_MIB="70000"/);
    expect(() => loadConfig({ WATTLOG_SERIES_MEMORY_MIB: '-1' })).toThrow(/WATTLOG_SERIES_MEMORY_MIB="-1"/);
  });

  it('turns the rate limit off, and refuses limits that would admit nothing', () => {
    expect(loadConfig({ WATTLOG_RATE_LIMIT: 'off' }).rateLimit).toBeNull();
    expect(() => loadConfig({ WATTLOG_RATE_LIMIT_RPS: '0' })).toThrow(
      'WATTLOG_RATE_LIMIT_RPS="0" is not allowed; expected a positive number (default 100)',
    );
    expect(() => loadConfig({ WATTLOG_RATE_LIMIT_BURST: '2.5' })).toThrow(/WATTLOG_RATE_LIMIT_BURST.*whole number/);
    expect(() => loadConfig({ WATTLOG_RATE_LIMIT_ANON_BURST: 'lots' })).toThrow(/WATTLOG_RATE_LIMIT_ANON_BURST/);
  });

  it('resolves a relative data directory to an absolute path', () => {
    const { dataDir } = loadConfig({ WATTLOG_DATA_DIR: 'var/wattlog' });
    expect(isAbsolute(dataDir)).toBe(true);
    expect(dataDir).toBe(join(process.cwd(), 'var', 'wattlog'));
  });

  it('accepts postgresql:// and the port bounds', () => {
    expect(loadConfig({ WATTLOG_STORE: 'postgres', DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl).toBe(
      'postgresql://u@h/db',
    );
    expect(loadConfig({ PORT: '1' }).port).toBe(1);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('serves plain HTTP only when asked to', () => {
    expect(loadConfig({ WATTLOG_HTTP: 'http' }).http).toBe('http');
  });

  describe('read model placement', () => {
    it('eventstoredb keeps read models embedded without DATABASE_URL', () => {
      const config = loadConfig({ WATTLOG_STORE: 'eventstoredb', EVENTSTORE_URL: ESDB });
      expect(config).toMatchObject({ store: 'eventstoredb', readModelStore: 'embedded', eventStoreUrl: ESDB });
      expect(config.databaseUrl).toBeUndefined();
    });

    it('eventstoredb puts read models in DATABASE_URL when set', () => {
      const config = loadConfig({ WATTLOG_STORE: 'eventstoredb', EVENTSTORE_URL: ESDB, DATABASE_URL: PG });
      expect(config).toMatchObject({ readModelStore: 'postgres', databaseUrl: PG });
    });

    it('embedded ignores an optional DATABASE_URL for placement', () => {
      expect(loadConfig({ DATABASE_URL: PG })).toMatchObject({ store: 'embedded', readModelStore: 'embedded' });
    });
  });

  describe('errors', () => {
    it('rejects an unknown store', () => {
      expect(errorFor({ WATTLOG_STORE: 'mysql' })).toBe(
        'WATTLOG_STORE="mysql" is not allowed; use one of: embedded, postgres, eventstoredb (default embedded)',
      );
    });

    it('requires DATABASE_URL for the postgres store', () => {
      expect(errorFor({ WATTLOG_STORE: 'postgres' })).toMatch(
        /^DATABASE_URL is not set; it is required when WATTLOG_STORE=postgres/,
      );
    });

    it('requires EVENTSTORE_URL for the eventstoredb store', () => {
      expect(errorFor({ WATTLOG_STORE: 'eventstoredb' })).toMatch(
        /^EVENTSTORE_URL is not set; it is required when WATTLOG_STORE=eventstoredb, e\.g\. EVENTSTORE_URL=esdb:\/\//,
      );
    });

    it('rejects a DATABASE_URL of another scheme without echoing its password', () => {
      const message = errorFor({ DATABASE_URL: 'mysql://admin:hunter2@db/x' });
      expect(message).toMatch(
        /^DATABASE_URL="mysql:\/\/admin:\*\*\*@db\/x" is not allowed; expected a URL starting with postgres:\/\/ or postgresql:\/\//,
      );
      expect(message).not.toContain('hunter2');
    });

    it('rejects a DATABASE_URL that is not a URL', () => {
      expect(errorFor({ DATABASE_URL: 'localhost:5432' })).toMatch(/^DATABASE_URL="localhost:5432" is not allowed/);
    });

    it('rejects an EVENTSTORE_URL of another scheme', () => {
      expect(errorFor({ EVENTSTORE_URL: 'http://127.0.0.1:2113' })).toMatch(
        /^EVENTSTORE_URL="http:\/\/127\.0\.0\.1:2113" is not allowed; expected a URL starting with esdb:\/\/ or esdb\+discover:\/\//,
      );
    });

    it.each(['0', '65536', '-1', '80a', '3000.5', ' 3000', '1e3'])('rejects PORT=%j', (value) => {
      expect(errorFor({ PORT: value })).toBe(
        `PORT=${JSON.stringify(value)} is not allowed; expected a port number from 1 to 65535 (default 3000)`,
      );
    });

    it('rejects a host with spaces or a scheme', () => {
      expect(errorFor({ WATTLOG_HOST: 'http://x' })).toMatch(
        /^WATTLOG_HOST="http:\/\/x" is not allowed; expected an IP address or host name/,
      );
      expect(errorFor({ WATTLOG_HOST: 'a b' })).toMatch(/^WATTLOG_HOST="a b" is not allowed/);
    });

    it('rejects an unknown WATTLOG_HTTP', () => {
      expect(errorFor({ WATTLOG_HTTP: 'HTTPS' })).toBe(
        'WATTLOG_HTTP="HTTPS" is not allowed; use one of: https, http (default https)',
      );
    });

    it('needs both TLS paths or neither', () => {
      expect(errorFor({ WATTLOG_TLS_CERT: '/c.pem' })).toMatch(
        /^WATTLOG_TLS_KEY is not set but WATTLOG_TLS_CERT is; set both/,
      );
      expect(errorFor({ WATTLOG_TLS_KEY: '/k.pem' })).toMatch(
        /^WATTLOG_TLS_CERT is not set but WATTLOG_TLS_KEY is; set both/,
      );
    });

    it('refuses TLS files together with plain HTTP', () => {
      expect(errorFor({ WATTLOG_HTTP: 'http', WATTLOG_TLS_CERT: '/c.pem', WATTLOG_TLS_KEY: '/k.pem' })).toMatch(
        /^WATTLOG_TLS_CERT\/WATTLOG_TLS_KEY are set but WATTLOG_HTTP="http"/,
      );
    });

    it('rejects an unknown LOG_LEVEL', () => {
      expect(errorFor({ LOG_LEVEL: 'verbose' })).toBe(
        'LOG_LEVEL="verbose" is not allowed; use one of: fatal, error, warn, info, debug, trace, silent (default info)',
      );
    });

    it('rejects an unknown WATTLOG_DEMO', () => {
      expect(errorFor({ WATTLOG_DEMO: 'yes' })).toBe(
        'WATTLOG_DEMO="yes" is not allowed; use one of: on, off (default on)',
      );
    });

    it('rejects a short admin token without showing it', () => {
      const message = errorFor({ WATTLOG_ADMIN_TOKEN: 'short-secret' });
      expect(message).toBe('WATTLOG_ADMIN_TOKEN is 12 characters; it must be at least 32 (or unset to generate one)');
    });
  });
});

describe('WATTLOG_MASTER_KEY', () => {
  it('accepts 64 hex characters and refuses anything else without echoing it', () => {
    expect(loadConfig({ WATTLOG_MASTER_KEY: 'ab'.repeat(32) }).masterKey).toBe('ab'.repeat(32));
    expect(() => loadConfig({ WATTLOG_MASTER_KEY: 'secret-but-short' })).toThrow(
      /WATTLOG_MASTER_KEY must be 64 hex characters \(32 bytes\), got 16 characters/,
    );
    expect(() => loadConfig({ WATTLOG_MASTER_KEY: 'secret-but-short' })).not.toThrow(/secret-but-short/);
  });
  it('takes WATTLOG_JWT_SECRET of at least 32 bytes and names only the length of a shorter one', () => {
    expect(loadConfig({ WATTLOG_JWT_SECRET: 'j'.repeat(32) }).jwtSecret).toBe('j'.repeat(32));
    expect(loadConfig({}).jwtSecret).toBeUndefined();
    expect(() => loadConfig({ WATTLOG_JWT_SECRET: 'short-secret' })).toThrow(
      new ConfigError(
        'WATTLOG_JWT_SECRET is 12 bytes; it must be at least 32 (or unset to generate one into the data directory)',
      ),
    );
  });
});
