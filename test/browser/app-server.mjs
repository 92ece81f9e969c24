/* global setTimeout */
// Starts the built server (dist/) in this process over HTTPS with a fresh embedded store, and seeds what the UI
// tests look at: two users, each owning one gateway, and readings appended to the log as a gateway frame would be.
import { randomUUID } from 'node:crypto';
import { request } from 'node:https';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = new URL('../../dist/src/', import.meta.url);
const { startHttpServer } = await import(new URL('interfaces/http/http-server.js', dist).href);
const { ensureHttpsCredentials } = await import(new URL('infrastructure/tls/self-signed-certificate.js', dist).href);
const { createLogger } = await import(new URL('infrastructure/logging/logger.js', dist).href);
const { startSimulatedFleet } = await import(new URL('interfaces/simulator/simulated-fleet.js', dist).href);

const ADMIN = 'b'.repeat(64);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export async function startApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wattlog-ui-'));
  const logger = createLogger('silent');
  const tls = await ensureHttpsCredentials({ dataDir }, logger);
  const server = await startHttpServer(
    {
      storage: { store: 'embedded', dataDir },
      host: '127.0.0.1',
      port: 0,
      tls: { key: tls.key, cert: tls.cert },
      adminToken: ADMIN,
      // The gateway link, for the virtual ZigBee gateway agent below.
      link: { host: '127.0.0.1', port: await freePort() },
    },
    logger,
  );
  // The self-signed certificate is trusted for this process's own calls only (fetch cannot be given a CA).
  const call = (method, path, headers, body) =>
    new Promise((resolve, reject) => {
      const req = request(`${server.url}${path}`, { method, headers, ca: tls.cert }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  let sequence = 0;
  const app = {
    url: server.url,
    server,
    async api(method, path, body, token = ADMIN) {
      const headers = { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) };
      const { status, text } = await call(method, path, headers, body ? JSON.stringify(body) : undefined);
      if (status >= 300) throw new Error(`${method} ${path}: ${status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    /** A raw answer, headers included, for what the browser does not show (caching, CSP, 404 bodies). */
    get(path) {
      return call('GET', path, {}, undefined);
    },
    /** A fresh access token of `user` (a login of its own, beside any browser session). */
    async tokenOf(user) {
      return (await app.api('POST', '/api/auth/login', { email: user.email, password: user.password })).accessToken;
    },
    async aUser(name) {
      const email = `${name}-${randomUUID().slice(0, 8)}@example.org`;
      const password = `pw-${randomUUID()}`;
      const { userId } = await app.api('POST', '/api/users', { email, displayName: name, role: 'user', password });
      return { userId, email, password };
    },
    /** A gateway owned by `ownerId`, registered straight in the log (no link needed for readings appended below). */
    async aGateway(gatewayId, ownerId) {
      const data = {
        gatewayId,
        name: gatewayId,
        networkType: 'zigbee2mqtt',
        address: 'mqtt',
        description: '',
        location: { lat: 0, lon: 0, label: '' },
        ownerId,
        keyFingerprint: 'aaaaaaaaaaaaaaaa',
        registeredAt: new Date().toISOString(),
      };
      await server.storage.eventStore.append(
        `gateway-${gatewayId}`,
        [{ id: randomUUID(), type: 'GatewayRegistered', data, metadata: {} }],
        { expectedRevision: 'no_stream' },
      );
    },
    /** One gateway frame's readings, stored as the link stores them. */
    async report(gatewayId, readings) {
      const receivedAt = new Date().toISOString();
      const data = {
        gatewayId,
        sequence: sequence++,
        networkType: 'zigbee2mqtt',
        receivedAt,
        readings: readings.map((r) => ({
          measuredAt: receivedAt,
          source: { protocol: 'zigbee2mqtt', field: r.quantity },
          ...r,
        })),
      };
      await server.storage.eventStore.append(
        `readings-${gatewayId}`,
        [{ id: randomUUID(), type: 'ReadingsReported', data, metadata: { schemaVersion: 2 } }],
        { expectedRevision: 'any' },
      );
    },
    /**
     * 15-minute power buckets for `sensorId` from a year and an hour ago to the end of this hour, straight into the
     * read model: a one-year window ending now, whatever the time of day, is covered by 35,040 of them.
     */
    async aYearOfBuckets(sensorId) {
      await server.storage.readModels.query(
        `INSERT INTO readings_buckets (sensor_id, bucket_width, bucket_start, quantity, unit, sample_count, value_sum, value_min, value_max, delta)
         SELECT $1, '15m', t, 'power', 'W', 15, 15 * (400 + 300 * sin(extract(epoch FROM t) / 43200)), 300 + 300 * sin(extract(epoch FROM t) / 43200), 700 + 300 * sin(extract(epoch FROM t) / 43200), NULL
         FROM generate_series(date_trunc('hour', now()) - interval '8761 hours', date_trunc('hour', now()) + interval '45 minutes', interval '15 minutes') AS t
         ON CONFLICT DO NOTHING`,
        [sensorId],
      );
    },
    /** 15-minute power buckets for `sensorId` between two instants (inclusive), straight into the read model. */
    async bucketsBetween(sensorId, from, to) {
      await server.storage.readModels.query(
        `INSERT INTO readings_buckets (sensor_id, bucket_width, bucket_start, quantity, unit, sample_count, value_sum, value_min, value_max, delta)
         SELECT $1, '15m', t, 'power', 'W', 15, 15 * (400 + 300 * sin(extract(epoch FROM t) / 7200)), 300 + 300 * sin(extract(epoch FROM t) / 7200), 700 + 300 * sin(extract(epoch FROM t) / 7200), NULL
         FROM generate_series($2::timestamptz, $3::timestamptz, interval '15 minutes') AS t
         ON CONFLICT DO NOTHING`,
        [sensorId, from, to],
      );
    },
    /** Takes a sensor's 15-minute buckets in [from, to) out again: a stretch without data. */
    async removeBuckets(sensorId, from, to) {
      await server.storage.readModels.query(
        `DELETE FROM readings_buckets WHERE sensor_id = $1 AND bucket_width = '15m' AND bucket_start >= $2::timestamptz AND bucket_start < $3::timestamptz`,
        [sensorId, from, to],
      );
    },
    /** A configuration change of a node, as the configuration unit records it once the device confirmed. */
    async aConfigurationChange(nodeId, at) {
      const requestId = randomUUID();
      const change = { kind: 'alarm_power_above', enabled: true, thresholdW: 2000, forSeconds: 60 };
      await server.storage.eventStore.append(
        `node-${nodeId}`,
        [
          {
            id: randomUUID(),
            type: 'NodeConfigurationRequested',
            data: {
              requestId,
              nodeId,
              gatewayId: 'gw-ui-a',
              field: 'alarm.power_above',
              change,
              requestedBy: 'user:test',
              reason: 'test',
              requestedAt: at,
              expiresAt: at,
            },
            metadata: {},
          },
          {
            id: randomUUID(),
            type: 'NodeConfigurationApplied',
            data: {
              requestId,
              nodeId,
              field: 'alarm.power_above',
              requestedBy: 'user:test',
              applied: change,
              confirmation: 'server',
              appliedAt: at,
            },
            metadata: {},
          },
        ],
        { expectedRevision: 'any' },
      );
    },
    /**
     * A gateway agent in this process on the virtual ZigBee coordinator (a plug, an energy meter, …), connecting over
     * the real TLS-PSK link as `gatewayId` with `key` (hex), as a gateway given the key from the page would.
     */
    async virtualZigbeeGateway(gatewayId, key) {
      const stateDir = join(dataDir, `agent-${gatewayId}`);
      mkdirSync(stateDir, { recursive: true, mode: 0o700 });
      writeFileSync(join(stateDir, 'zigbee-gateways.json'), JSON.stringify([{ id: gatewayId, key }]), { mode: 0o600 });
      return startSimulatedFleet({
        api: { url: new URL(server.url), token: ADMIN, ca: tls.cert },
        link: { host: '127.0.0.1', port: server.link.port },
        gateways: 1,
        meters: 0,
        intervalMs: 2000,
        stateDir,
        namePrefix: 'Virtual ZigBee gateway',
        logger,
        kind: 'zigbee',
      });
    },
    async until(condition, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (await condition()) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}
