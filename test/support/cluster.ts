import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.js';
import { waitFor } from './test-ids.js';

const MAIN = resolve('dist/src/main.js');
export const HAPROXY_CONFIG = resolve('deploy/haproxy/haproxy.cfg');
const HAPROXY_BINARIES = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy', '/usr/bin/haproxy'];

export const HAPROXY = HAPROXY_BINARIES.find((path) => existsSync(path));

/**
 * Why the multi-node tests cannot run here, or undefined. Under CI=true a missing HAProxy is not a reason to skip:
 * `.ci/run` installs it, so its absence is a failure there (the spec throws).
 */
export const CLUSTER_SKIP_REASON: string | undefined =
  HAPROXY === undefined && process.env.CI !== 'true'
    ? `no haproxy binary (looked in ${HAPROXY_BINARIES.join(', ')}); apt-get install haproxy`
    : undefined;

/** The same secrets on every node: tokens signed on one are checked on another, keys sealed on one open on all. */
export const CLUSTER_SECRETS = {
  WATTLOG_ADMIN_TOKEN: 'cluster-admin-token-0123456789abcdef0123456789',
  WATTLOG_MASTER_KEY: 'a1'.repeat(32),
  WATTLOG_JWT_SECRET: 'cluster-jwt-secret-0123456789abcdef0123456789',
};

/** One server process; killed, paused and restarted by the test, always on the same addresses. */
export class ClusterNode {
  child: ChildProcess | undefined;
  output = '';

  constructor(
    readonly name: string,
    readonly host: string,
    readonly httpPort: number,
    readonly linkPort: number,
    private readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {}

  get http(): string {
    return `http://${this.host}:${this.httpPort}`;
  }

  async start(): Promise<void> {
    this.output = '';
    // Names the node's database sessions (the URL's parameters win over the pool's own application name), so the
    // checkpoint history says which node applied what.
    const url = new URL(this.env.DATABASE_URL ?? 'postgres://127.0.0.1/');
    url.searchParams.set('application_name', this.name);
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        ...this.env,
        WATTLOG_DATA_DIR: this.dataDir,
        WATTLOG_HOST: this.host,
        WATTLOG_LINK_HOST: this.host,
        PORT: String(this.httpPort),
        WATTLOG_LINK_PORT: String(this.linkPort),
        ...(this.env.DATABASE_URL ? { DATABASE_URL: url.toString() } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (d: Buffer): void => {
      this.output = (this.output + d.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await waitFor(() => this.output.includes('wattlog started'), 60_000, `${this.name} to start:\n${this.output}`);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.child?.kill(signal);
  }
}

export interface Cluster {
  readonly nodes: ClusterNode[];
  readonly lbHttp: string;
  readonly lbLink: { host: string; port: number };
  close(): Promise<void>;
}

const LB_HOST = '127.0.0.10';

async function untilListening(host: string, port: number, what: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** N nodes on 127.0.0.11… over one database, and HAProxy on 127.0.0.10 with the repository's configuration. */
export async function startCluster(env: Record<string, string>, count = 3): Promise<Cluster> {
  if (!HAPROXY) throw new Error('haproxy is required for the multi-node tests (CI=true): install it');
  const root = await mkdtemp(join(tmpdir(), 'wattlog-cluster-'));
  const nodes: ClusterNode[] = [];
  for (let i = 1; i <= count; i++) {
    const host = `127.0.0.${10 + i}`;
    nodes.push(new ClusterNode(`node${i}`, host, await freePort(), await freePort(), join(root, `node${i}`), env));
  }
  // One node migrates first; the others then start side by side.
  await nodes[0]!.start();
  await Promise.all(nodes.slice(1).map((n) => n.start()));
  const lbHttpPort = await freePort();
  const lbLinkPort = await freePort();
  const lbEnv: Record<string, string> = {
    WATTLOG_LB_HTTP_BIND: `${LB_HOST}:${lbHttpPort}`,
    WATTLOG_LB_LINK_BIND: `${LB_HOST}:${lbLinkPort}`,
  };
  nodes.forEach((n, i) => {
    lbEnv[`WATTLOG_NODE${i + 1}_HTTP`] = `${n.host}:${n.httpPort}`;
    lbEnv[`WATTLOG_NODE${i + 1}_LINK`] = `${n.host}:${n.linkPort}`;
  });
  const check = spawnSync(HAPROXY, ['-c', '-q', '-f', HAPROXY_CONFIG], { env: { ...process.env, ...lbEnv } });
  if (check.status !== 0) throw new Error(`haproxy refuses ${HAPROXY_CONFIG}: ${String(check.stderr)}`);
  const haproxy = spawn(HAPROXY, ['-db', '-f', HAPROXY_CONFIG], {
    env: { ...process.env, ...lbEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let haproxyErrors = '';
  haproxy.stderr?.on('data', (d: Buffer) => (haproxyErrors = (haproxyErrors + d.toString()).slice(-4000)));
  await untilListening(LB_HOST, lbHttpPort, () => `haproxy to listen: ${haproxyErrors}`);
  return {
    nodes,
    lbHttp: `http://${LB_HOST}:${lbHttpPort}`,
    lbLink: { host: LB_HOST, port: lbLinkPort },
    close: async () => {
      haproxy.kill('SIGKILL');
      for (const node of nodes) {
        node.signal('SIGCONT');
        await node.kill('SIGTERM');
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}
