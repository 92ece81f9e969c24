import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { GATEWAY_STATUS_TABLE, upsertStatusRow } from '../../gateways/gateway-status-read-model/gateway-status.sql.js';
import type { NodeRow } from '../nodes-read-model/node-row.js';
import { NODES_TABLE, upsertNodes } from '../nodes-read-model/nodes.sql.js';
import { SqlNodeDirectory } from './node-directory.sql.js';

function aNode(nodeId: string, gatewayId: string, protocol: string | null): NodeRow {
  return {
    nodeId,
    gatewayId,
    protocol,
    model: null,
    vendor: null,
    firmware: null,
    status: 'joined',
    linkQuality: null,
    availability: null,
    joinedAt: '2024-05-01T10:00:00.000Z',
    interviewedAt: null,
    leftAt: null,
    lastSeenAt: '2024-05-01T10:00:00.000Z',
  };
}

describeEachBackend('SqlNodeDirectory on %s', (backendName) => {
  let b: SqlBackend;
  beforeEach(async () => {
    b = await openBackend(backendName, 'node_directory');
  }, 30_000);
  afterEach(async () => {
    await b?.cleanup();
  });

  it("answers a node's protocol from its readings, else its gateway's network type, and null for an unknown node", async () => {
    await upsertStatusRow(b.db, GATEWAY_STATUS_TABLE, {
      id: 'gw-z2m',
      name: 'Hall',
      networkType: 'zigbee2mqtt',
      address: '192.0.2.1',
      description: '',
      lat: 52,
      lon: 5,
      locationLabel: '',
      ownerId: 'user:admin',
      lifecycle: 'registered',
      keyFingerprint: 'f',
      connection: 'online',
      lastSeenAt: null,
      openSessions: 1,
      framesReceived: 0,
      readingsReceived: 0,
      payloadsUndecoded: 0,
      lastUndecodedReason: null,
      lastRefusalReason: null,
      lastRefusalDetail: null,
      lastRefusalAt: null,
      registeredAt: '2024-05-01T09:00:00.000Z',
      decommissionedAt: null,
    });
    await upsertNodes(b.db, NODES_TABLE, [
      aNode('zigbee:0x0000000000000001', 'gw-z2m', null),
      aNode('zigbee:0x0000000000000002', 'gw-z2m', 'zigbee2mqtt'),
      aNode('zigbee:0x0000000000000003', 'gw-gone', null),
    ]);
    const directory = new SqlNodeDirectory(b.db);
    expect(await directory.find('zigbee:0x0000000000000001')).toEqual({
      nodeId: 'zigbee:0x0000000000000001',
      gatewayId: 'gw-z2m',
      protocol: 'zigbee2mqtt',
    });
    expect(await directory.find('zigbee:0x0000000000000002')).toEqual({
      nodeId: 'zigbee:0x0000000000000002',
      gatewayId: 'gw-z2m',
      protocol: 'zigbee2mqtt',
    });
    expect(await directory.find('zigbee:0x0000000000000003')).toEqual({
      nodeId: 'zigbee:0x0000000000000003',
      gatewayId: 'gw-gone',
      protocol: '',
    });
    expect(await directory.find('zigbee:0x00000000000000ff')).toBeNull();
  });
});
