import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { BOOTSTRAP_ADMIN, type Principal } from '../../domain/access/principal.js';
import { AdminRequiredError, NotAuthenticatedError, ObjectNotVisibleError } from '../access/access.errors.js';
import { AdminOnlyAccessPolicy } from '#test/support/admin-only-access-policy.js';
import { SqlNodeDirectory } from '../devices/node-configuration/node-directory.sql.js';
import { GetNodeConfigurationHandler } from '../devices/node-configuration/node-configuration-history/node-configuration-history.handlers.js';
import { GetNodeConfiguration } from '../devices/node-configuration/node-configuration-history/node-configuration-history.queries.js';
import { RequestNodeConfiguration } from '../devices/node-configuration/request-node-configuration/request-node-configuration.command.js';
import { RequestNodeConfigurationHandler } from '../devices/node-configuration/request-node-configuration/request-node-configuration.handler.js';
import { ChangeGatewayDetails } from '../gateways/change-gateway-details/change-gateway-details.command.js';
import { ChangeGatewayDetailsHandler } from '../gateways/change-gateway-details/change-gateway-details.handler.js';
import {
  GetGatewayConfiguration,
  GetGatewayConfigurationHandler,
} from '../gateways/gateway-configuration-history/gateway-configuration-history.queries.js';
import { SqlActuatorDirectory } from './actuator-directory.sql.js';
import { GetActuatorCommand } from './get-actuator-command/get-actuator-command.query.js';
import { GetActuatorCommandHandler } from './get-actuator-command/get-actuator-command.handler.js';
import { RequestActuatorCommand } from './request-actuator-command/request-actuator-command.command.js';
import { RequestActuatorCommandHandler } from './request-actuator-command/request-actuator-command.handler.js';
import { systemClock } from '../ports/clock.port.js';

const SENSOR = 'zigbee:0x000b57fffec6a5b2/1/switchState';
const NODE = 'zigbee:0x000b57fffec6a5b2';
const user: Principal = { kind: 'user', userId: 'u1', role: 'user' };
const client: Principal = { kind: 'client', clientId: 'c1', organisation: 'Grid Co' };
const anonymous: Principal = { kind: 'anonymous' };

describe('access matrix of control and configuration (admin-only policy until grants exist)', () => {
  let b: SqlBackend;
  let adminCommandId = '';
  const policy = new AdminOnlyAccessPolicy();

  beforeAll(async () => {
    b = await openBackend('pglite', 'control-access');
    await b.db.query(
      `INSERT INTO readings_latest (sensor_id, node_id, gateway_id, quantity, unit, value, measured_at, received_at, source)
       VALUES ($1, $2, 'g1', 'switchState', '1', 0, now(), now(), '{"protocol":"zigbee"}'::jsonb)`,
      [SENSOR, NODE],
    );
    await b.db.query(
      `INSERT INTO nodes (node_id, gateway_id, protocol, status) VALUES ($1, 'g1', 'zigbee', 'interviewed')`,
      [NODE],
    );
  }, 60_000);
  afterAll(async () => {
    await b.cleanup();
  });

  const switchAs = (principal: Principal) =>
    new RequestActuatorCommandHandler(b.store, policy, new SqlActuatorDirectory(b.db)).execute(
      new RequestActuatorCommand(
        principal,
        { sensorId: SENSOR, action: 'on', reason: '', origin: 'api', timeoutSeconds: 30, idempotencyKey: null },
        new Date(),
        'c',
      ),
    );
  const configureAs = (principal: Principal) =>
    new RequestNodeConfigurationHandler(b.store, policy, new SqlNodeDirectory(b.db)).execute(
      new RequestNodeConfiguration(
        principal,
        NODE,
        { change: { kind: 'alarm_voltage_band', enabled: true, minV: 207, maxV: 253 }, reason: '', timeoutSeconds: 30 },
        new Date(),
        'c',
      ),
    );

  it('lets an admin command, configure and read; the command and configuration are stored', async () => {
    const { command } = await switchAs(BOOTSTRAP_ADMIN);
    adminCommandId = command.commandId;
    expect(command).toMatchObject({ status: 'requested', requestedBy: 'user:bootstrap-admin', expectedState: 1 });
    expect(await configureAs(BOOTSTRAP_ADMIN)).toMatchObject({ field: 'alarm.voltage_band', status: 'applied' });
    const read = await new GetActuatorCommandHandler(b.store, policy).execute(
      new GetActuatorCommand(BOOTSTRAP_ADMIN, command.commandId),
    );
    expect(read.commandId).toBe(command.commandId);
  });

  it.each([user, client])(
    'answers %j as if the objects did not exist (404), and refuses admin operations (403)',
    async (principal) => {
      await expect(switchAs(principal)).rejects.toThrow(ObjectNotVisibleError);
      await expect(configureAs(principal)).rejects.toThrow(AdminRequiredError);
      await expect(
        new GetNodeConfigurationHandler(b.store, policy, new SqlNodeDirectory(b.db), systemClock).execute(
          new GetNodeConfiguration(principal, NODE, null),
        ),
      ).rejects.toThrow(ObjectNotVisibleError);
      await expect(
        new GetGatewayConfigurationHandler(b.store, policy, systemClock).execute(
          new GetGatewayConfiguration(principal, 'g1', null),
        ),
      ).rejects.toThrow(ObjectNotVisibleError);
      await expect(
        new ChangeGatewayDetailsHandler(b.store, policy).execute(
          new ChangeGatewayDetails(principal, 'g1', { name: 'x' }, new Date(), 'c'),
        ),
      ).rejects.toThrow(AdminRequiredError);
    },
  );

  it('hides an existing command from a principal without the command right, exactly like an unknown one', async () => {
    expect(adminCommandId).toMatch(/^[0-9a-f-]{36}$/);
    const handler = new GetActuatorCommandHandler(b.store, policy);
    await expect(handler.execute(new GetActuatorCommand(user, adminCommandId))).rejects.toThrow(
      `actuator command ${adminCommandId} not found`,
    );
    await expect(handler.execute(new GetActuatorCommand(user, '00000000-0000-8000-8000-000000000000'))).rejects.toThrow(
      'not found',
    );
  });

  it('refuses anonymous callers with 401 for admin operations', async () => {
    await expect(configureAs(anonymous)).rejects.toThrow(NotAuthenticatedError);
  });
});
