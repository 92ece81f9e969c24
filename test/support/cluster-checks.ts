import type { EventStore, Position } from '../../src/application/ports/event-store.port.js';
import type { ReadingsReportedData } from '../../src/domain/metering/gateway-frame.events.js';

interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/**
 * Instruments the test's database (not the product's schema): every move of a projection checkpoint is recorded with
 * the position it moved from and the node (application_name) whose session moved it.
 */
export async function installCheckpointHistory(db: Queryable): Promise<void> {
  await db.query(`CREATE TABLE checkpoint_history (
    id bigserial PRIMARY KEY, name text NOT NULL, from_position text, to_position text, node text NOT NULL)`);
  await db.query(`CREATE FUNCTION record_checkpoint_move() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO checkpoint_history (name, from_position, to_position, node)
      VALUES (NEW.name, OLD.position, NEW.position, current_setting('application_name'));
      RETURN NEW;
    END $$`);
  await db.query(`CREATE TRIGGER checkpoint_history AFTER UPDATE ON projection_checkpoints FOR EACH ROW
    WHEN (OLD.position IS DISTINCT FROM NEW.position) EXECUTE FUNCTION record_checkpoint_move()`);
}

export interface CheckpointChain {
  readonly moves: number;
  readonly nodes: string[];
  /** The first position two moves started from, or from which no move continues while moves remain. */
  readonly brokenAt?: string;
}

/**
 * Per checkpoint whose name starts with `prefix`: its moves must form one chain from the empty checkpoint, each
 * starting where the previous ended. Two nodes applying a partition at once would show as two moves from one
 * position (or, had one been lost, as a move from a position never reached).
 */
export async function checkpointChains(db: Queryable, prefix: string): Promise<Record<string, CheckpointChain>> {
  const rows = await db.query<{ name: string; from_position: string | null; to_position: string; node: string }>(
    'SELECT name, from_position, to_position, node FROM checkpoint_history WHERE starts_with(name, $1) ORDER BY id',
    [prefix],
  );
  const chains: Record<string, CheckpointChain> = {};
  for (const name of new Set(rows.map((r) => r.name))) {
    const moves = rows.filter((r) => r.name === name);
    const byFrom = new Map<string | null, (typeof moves)[number]>();
    let brokenAt: string | undefined;
    for (const move of moves) {
      if (byFrom.has(move.from_position)) brokenAt ??= String(move.from_position);
      byFrom.set(move.from_position, move);
    }
    let at: string | null = null;
    for (let walked = 0; walked < moves.length && brokenAt === undefined; walked++) {
      const move = byFrom.get(at);
      if (!move) brokenAt = String(at);
      else at = move.to_position;
    }
    chains[name] = {
      moves: moves.length,
      nodes: [...new Set(moves.map((m) => m.node))].sort(),
      ...(brokenAt !== undefined ? { brokenAt } : {}),
    };
  }
  return chains;
}

export type LatestValues = Record<string, { value: number; measuredAt: string }>;

/** Keys in one order (code points), so two results compare as JSON. */
function sorted(values: LatestValues): LatestValues {
  return Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The latest reading of every sensor, folded here from the log's ReadingsReported events. */
export async function latestByFold(store: EventStore): Promise<LatestValues> {
  const latest: LatestValues = {};
  let after: Position | null = null;
  for (;;) {
    const page = await store.readAll({ after, max: 1000, filter: { types: ['ReadingsReported'] } });
    for (const event of page) {
      for (const r of (event.data as ReadingsReportedData).readings) {
        const at = new Date(r.measuredAt).toISOString();
        const known = latest[r.sensorId];
        if (!known || at >= known.measuredAt) latest[r.sensorId] = { value: r.value, measuredAt: at };
      }
    }
    if (page.length < 1000) break;
    after = page.at(-1)!.position;
  }
  return sorted(latest);
}

/** The same, from the readings read model. */
export async function latestInReadModel(db: Queryable): Promise<LatestValues> {
  const rows = await db.query<{ sensor_id: string; value: number; measured_at: Date }>(
    'SELECT sensor_id, value, measured_at FROM readings_latest',
  );
  return sorted(
    Object.fromEntries(
      rows.map((r) => [r.sensor_id, { value: r.value, measuredAt: new Date(r.measured_at).toISOString() }]),
    ),
  );
}
