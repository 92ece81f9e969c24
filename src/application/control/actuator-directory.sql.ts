import type { ReadModelDb } from '../ports/read-model-db.port.js';
import type { ActuatorDirectory, ReportedSwitchState, SwitchableSensor } from './ports/actuator-directory.port.js';

function iso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

/** The readings_latest read model as the actuator directory: every sensor that ever reported is there. */
export class SqlActuatorDirectory implements ActuatorDirectory {
  constructor(private readonly db: ReadModelDb) {}

  async find(sensorId: string): Promise<SwitchableSensor | null> {
    const [row] = await this.db.query<{
      gateway_id: string;
      node_id: string;
      quantity: string;
      protocol: string | null;
    }>(
      `SELECT gateway_id, node_id, quantity, source->>'protocol' AS protocol FROM readings_latest WHERE sensor_id = $1`,
      [sensorId],
    );
    return row
      ? {
          sensorId,
          gatewayId: row.gateway_id,
          nodeId: row.node_id,
          quantity: row.quantity,
          protocol: row.protocol ?? '',
        }
      : null;
  }

  async latestState(sensorId: string): Promise<ReportedSwitchState | null> {
    const [row] = await this.db.query<{ value: number; measured_at: unknown; received_at: unknown }>(
      `SELECT value, measured_at, received_at FROM readings_latest WHERE sensor_id = $1 AND quantity = 'switchState'`,
      [sensorId],
    );
    if (!row) return null;
    return {
      state: Number(row.value) === 0 ? 0 : 1,
      measuredAt: iso(row.measured_at),
      receivedAt: iso(row.received_at),
    };
  }
}
