import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { BOOTSTRAP_ADMIN } from '../../../domain/access/principal.js';
import { AdminOnlyAccessPolicy } from '#test/support/admin-only-access-policy.js';
import { SqlActuatorDirectory } from '../actuator-directory.sql.js';
import { actuatorCommandDecider } from '../../../domain/control/actuator-command.decider.js';
import { loadStream } from '../../shared/decider-command.js';
import { COMMAND_EVENTS, commandStream } from '../control-streams.js';
import type { CommandLink, LinkDelivery } from '../ports/command-link.port.js';
import { RequestActuatorCommand } from '../request-actuator-command/request-actuator-command.command.js';
import { RequestActuatorCommandHandler } from '../request-actuator-command/request-actuator-command.handler.js';
import { ActuatorCommandDispatcher } from './actuator-command-dispatcher.js';

const SENSOR = 'zigbee:0x000b57fffec6a5b2/1/switchState';

/** A gateway link whose connectivity the test decides; it records what was delivered. */
class ScriptedLink implements CommandLink {
  connected = false;
  readonly delivered: { gatewayId: string; target: string; params: unknown }[] = [];
  isConnected(): boolean {
    return this.connected;
  }
  deliver(
    gatewayId: string,
    _action: string,
    target: string,
    params: Readonly<Record<string, unknown>>,
  ): Promise<LinkDelivery> {
    this.delivered.push({ gatewayId, target, params });
    return Promise.resolve({ kind: 'answered', ok: true, detail: 'sent' });
  }
  deliverConfig(): Promise<LinkDelivery> {
    return Promise.resolve({ kind: 'offline' });
  }
}

async function until(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

describe('actuator command dispatcher across a restart', () => {
  let b: SqlBackend;
  beforeAll(async () => {
    b = await openBackend('pglite', 'dispatcher');
    await b.db.query(
      `INSERT INTO readings_latest (sensor_id, node_id, gateway_id, quantity, unit, value, measured_at, received_at, source)
       VALUES ($1, 'zigbee:0x000b57fffec6a5b2', 'g1', 'switchState', '1', 0, now() - interval '1 minute', now() - interval '1 minute', '{"protocol":"zigbee"}'::jsonb)`,
      [SENSOR],
    );
  }, 60_000);
  afterAll(async () => {
    await b.cleanup();
  });

  it('keeps a command for an offline gateway through a restart, sends it once the gateway is back, and confirms it by the next report', async () => {
    const request = () =>
      new RequestActuatorCommandHandler(b.store, new AdminOnlyAccessPolicy(), new SqlActuatorDirectory(b.db)).execute(
        new RequestActuatorCommand(
          BOOTSTRAP_ADMIN,
          {
            sensorId: SENSOR,
            action: 'on',
            reason: 'night',
            origin: 'api',
            timeoutSeconds: 600,
            idempotencyKey: 'restart-1',
          },
          new Date(),
          'c',
        ),
      );
    const link = new ScriptedLink();
    const first = new ActuatorCommandDispatcher(b.store, new SqlActuatorDirectory(b.db), link, {
      now: () => new Date(),
      pollMs: 20,
    });
    await first.start();
    const { command, created } = await request();
    expect(created).toBe(true);
    await until('the first dispatcher to know the command', () => Promise.resolve(first.pendingCount() === 1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(link.delivered).toEqual([]);
    await first.stop();

    // The same key after the restart names the same command.
    expect(await request()).toMatchObject({
      created: false,
      command: { commandId: command.commandId, status: 'requested' },
    });

    const second = new ActuatorCommandDispatcher(b.store, new SqlActuatorDirectory(b.db), link, {
      now: () => new Date(),
      pollMs: 20,
    });
    await second.start();
    try {
      expect(second.pendingCount()).toBe(1);
      link.connected = true;
      await until(
        'the dispatch',
        async () =>
          (await loadStream(b.store, commandStream(command.commandId), actuatorCommandDecider, COMMAND_EVENTS)).state
            .status === 'dispatched',
      );
      expect(link.delivered).toEqual([{ gatewayId: 'g1', target: '0x000b57fffec6a5b2/1', params: { state: 'on' } }]);
      // The device's report arrives through the readings read model.
      await b.db.query(
        `UPDATE readings_latest SET value = 1, measured_at = now(), received_at = now() WHERE sensor_id = $1`,
        [SENSOR],
      );
      await until(
        'the acknowledgement',
        async () =>
          (await loadStream(b.store, commandStream(command.commandId), actuatorCommandDecider, COMMAND_EVENTS)).state
            .status === 'acknowledged',
      );
      expect(link.delivered).toHaveLength(1);
      expect(second.pendingCount()).toBe(0);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
