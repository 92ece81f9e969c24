import { NODE_EVENT_REPORTED, READINGS_REPORTED } from '../../../domain/metering/gateway-frame.events.js';
import { readingsByEvent } from '../../metering/readings-read-model/batch-readings.js';
import type { DecoderLookup } from '../../metering/ports/payload-decoders.port.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import { nodeFactsOf } from './node-facts.js';
import { evolveNode, type NodeRow } from './node-row.js';
import { NODES_TABLE, selectNodes, upsertNodes } from './nodes.sql.js';
import type { ReadModel } from '../../projections/read-model.js';
import { NODES_MIGRATIONS } from './nodes.tables.js';

export interface NodesProjectionDeps {
  /** Decodes the native payloads of version 1 events, whose readings say which nodes were heard. */
  readonly decoders: DecoderLookup;
}

/**
 * One row per node: lifecycle and identity from the gateways' node events, last seen and protocol from its
 * readings. The batch is folded in memory against the stored rows, then written in one statement.
 */
export function nodesProjection({ decoders }: NodesProjectionDeps): Projection {
  return {
    name: NODES_TABLE,
    eventTypes: [NODE_EVENT_REPORTED, READINGS_REPORTED],
    tables: [NODES_TABLE],
    async apply(
      batch: readonly RecordedEvent[],
      tx: SqlExecutor,
      { table }: { table: TableResolver; sequence: number },
    ) {
      const facts = nodeFactsOf(batch, await readingsByEvent(batch, decoders));
      if (facts.length === 0) return;
      const physical = table(NODES_TABLE);
      const ids = [...new Set(facts.map((f) => f.nodeId))];
      const rows = new Map<string, NodeRow>((await selectNodes(tx, physical, { ids })).map((r) => [r.nodeId, r]));
      for (const fact of facts) rows.set(fact.nodeId, evolveNode(rows.get(fact.nodeId), fact));
      await upsertNodes(tx, physical, [...rows.values()]);
    },
  };
}

export const nodesReadModel: ReadModel = { migrations: NODES_MIGRATIONS, projection: (deps) => nodesProjection(deps) };
