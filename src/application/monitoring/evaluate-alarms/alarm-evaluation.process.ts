import type { NodeConfigurationApplied } from '../../../domain/devices/node-configuration.events.js';
import { alarmWorkflow, type AlarmCommand, type AlarmState } from '../../../domain/monitoring/alarm.workflow.js';
import { step as stepWorkflow } from '../../../domain/shared/decider.js';
import {
  ALARM_QUANTITY,
  alarmKindOf,
  isAlarmSetting,
  type AlarmEvent,
  type AlarmKind,
} from '../../../domain/monitoring/alarm.events.js';
import { READINGS_REPORTED, type StoredReading } from '../../../domain/metering/gateway-frame.events.js';
import type { DecoderLookup } from '../../metering/ports/payload-decoders.port.js';
import { readingsOf } from '../../metering/stored-readings.js';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { LogProcess, TableResolver } from '../../projections/projection.js';
import { ALARM_ACTOR, ALARM_SCHEMA_VERSION, alarmEventId, alarmIdFor, alarmStream } from '../alarm-streams.js';

import { ALARM_EVALUATION_TABLE } from './alarm-evaluation.tables.js';

export { ALARM_EVALUATION_TABLE };
/** The process is named after its table, as projections are. */
export const ALARM_EVALUATION = ALARM_EVALUATION_TABLE;

const NODE_CONFIGURATION_APPLIED: NodeConfigurationApplied['type'] = 'NodeConfigurationApplied';
const STATE_VERSION = 1;

/** Another event than the one decided sits where it belongs: something else wrote the node's alarm stream. */
export class AlarmStreamConflictError extends Error {
  override readonly name = 'AlarmStreamConflictError';
  constructor(
    readonly stream: string,
    readonly revision: number,
  ) {
    super(`${stream} revision ${revision} holds another event than the alarm evaluation decided`);
  }
}

interface NodeAlarms {
  readonly nodeId: string;
  /** Last revision of `alarm-<nodeId>`; null while the stream does not exist. */
  revision: number | null;
  kinds: Partial<Record<AlarmKind, AlarmState>>;
  changed: boolean;
}

interface StoredState {
  readonly v: number;
  readonly kinds: Partial<Record<AlarmKind, AlarmState>>;
}

interface Input {
  readonly nodeId: string;
  readonly kind: AlarmKind;
  readonly command: AlarmCommand;
  readonly cause: RecordedEvent;
}

/** What a decided batch leaves to its transaction: the nodes whose state moved. */
export interface AlarmEvaluationPlan {
  readonly rows: readonly NodeAlarms[];
}

const KIND_OF_QUANTITY: Readonly<Record<string, AlarmKind>> = Object.fromEntries(
  Object.entries(ALARM_QUANTITY).map(([kind, { quantity }]) => [quantity, kind as AlarmKind]),
);

function settingInput(event: RecordedEvent): Input[] {
  const { data } = event as unknown as { data: NodeConfigurationApplied['data'] };
  if (
    typeof data?.nodeId !== 'string' ||
    typeof data.applied !== 'object' ||
    data.applied === null ||
    !isAlarmSetting(data.applied)
  )
    return [];
  return [
    {
      nodeId: data.nodeId,
      kind: alarmKindOf(data.applied),
      command: {
        type: 'ApplyAlarmSetting',
        data: { setting: data.applied, requestId: data.requestId, appliedAt: data.appliedAt },
      },
      cause: event,
    },
  ];
}

/**
 * A frame's readings are judged in measured order: they arrived together, so no arrival order among them is worth
 * keeping. Across frames the log's order stands, and a reading older than one already judged is late (the decider).
 * Sorting goes no further than one event, so the decisions never depend on where a batch happens to end.
 */
function readingInputs(event: RecordedEvent, decoders: DecoderLookup): Input[] {
  const gatewayId = String((event.data as { gatewayId?: unknown } | null)?.gatewayId ?? '');
  const judged = readingsOf(event.data, decoders).filter((r) => KIND_OF_QUANTITY[r.quantity] !== undefined);
  const ordered = judged
    .map((reading, index) => ({ reading, index, at: Date.parse(reading.measuredAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ reading }) => reading);
  return ordered.map((reading: StoredReading) => {
    const kind = KIND_OF_QUANTITY[reading.quantity]!;
    return {
      nodeId: reading.nodeId,
      kind,
      command: {
        type: 'JudgeReading',
        data: {
          gatewayId,
          sensorId: reading.sensorId,
          ...(reading.phase !== undefined ? { phase: reading.phase } : {}),
          value: reading.value,
          measuredAt: reading.measuredAt,
          alarmId: alarmIdFor(event.id, reading.sensorId, kind),
        },
      },
      cause: event,
    };
  });
}

async function loadNodes(db: SqlExecutor, table: string, nodeIds: readonly string[]): Promise<Map<string, NodeAlarms>> {
  const rows = await db.query<{ node_id: string; stream_revision: string | number | null; state: StoredState }>(
    `SELECT node_id, stream_revision, state FROM ${table} WHERE node_id = ANY($1::text[])`,
    [nodeIds],
  );
  return new Map(
    rows.map((row) => [
      row.node_id,
      {
        nodeId: row.node_id,
        revision: row.stream_revision === null ? null : Number(row.stream_revision),
        kinds: row.state.kinds,
        changed: false,
      },
    ]),
  );
}

function toNewEvent(event: AlarmEvent, cause: RecordedEvent): NewEvent {
  const correlationId = typeof cause.metadata.correlationId === 'string' ? cause.metadata.correlationId : cause.id;
  return {
    id: alarmEventId(event),
    type: event.type,
    data: event.data,
    metadata: { actorId: ALARM_ACTOR, causationId: cause.id, correlationId, schemaVersion: ALARM_SCHEMA_VERSION },
  };
}

/**
 * Appends one event right after `revision`. Its id is derived from what it decides, so a batch decided again after
 * a crash re-appends the same event at the same place, which every store treats as a no-op; a store that answers
 * with a conflict instead is read back at that revision to tell a repeat from a real conflict.
 */
async function appendAfter(
  store: EventStore,
  stream: string,
  event: NewEvent,
  revision: number | null,
): Promise<number> {
  try {
    const result = await store.append(stream, [event], { expectedRevision: revision ?? 'no_stream' });
    return result.nextExpectedRevision;
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError)) throw error;
    const at = (revision ?? -1) + 1;
    const [stored] = await store.readStream(stream, { from: at, max: 1 });
    if (stored?.revision === at && stored.id === event.id) return at;
    throw new AlarmStreamConflictError(stream, at);
  }
}

/**
 * Judges every node's readings against its applied alarm settings and appends AlarmRaised / AlarmCleared to
 * `alarm-<nodeId>`, exactly once across restarts: it runs on the projection engine (checkpoint and state in one
 * transaction, one runner per database), but its appends happen in `decide`, before that transaction. A crash between the two
 * leaves the old checkpoint and the old state, so the batch is decided again — identically, the decisions depending
 * only on the log — and re-appended under the same ids at the same revisions, a no-op.
 *
 * A log process, not a projection: a rebuild would only re-derive what is already history (docs/control.md).
 */
export function alarmEvaluation(deps: {
  readonly store: EventStore;
  readonly decoders: DecoderLookup;
}): LogProcess<AlarmEvaluationPlan> {
  return {
    name: ALARM_EVALUATION,
    formerName: 'alarm-evaluation',
    eventTypes: [READINGS_REPORTED, NODE_CONFIGURATION_APPLIED],
    tables: [ALARM_EVALUATION_TABLE],

    async decide(
      batch: readonly RecordedEvent[],
      { db, table }: { db: SqlExecutor; table: TableResolver },
    ): Promise<AlarmEvaluationPlan> {
      const inputs = batch.flatMap((event) =>
        event.type === READINGS_REPORTED ? readingInputs(event, deps.decoders) : settingInput(event),
      );
      if (inputs.length === 0) return { rows: [] };
      const nodes = await loadNodes(db, table(ALARM_EVALUATION_TABLE), [...new Set(inputs.map((i) => i.nodeId))]);
      const decided = new Map<NodeAlarms, { event: AlarmEvent; cause: RecordedEvent }[]>();
      for (const input of inputs) {
        let node = nodes.get(input.nodeId);
        if (!node) {
          // Readings of a node without any alarm setting cost nothing more than this look-up.
          if (input.command.type !== 'ApplyAlarmSetting') continue;
          node = { nodeId: input.nodeId, revision: null, kinds: {}, changed: true };
          nodes.set(input.nodeId, node);
        }
        const state = node.kinds[input.kind];
        if (!state && input.command.type !== 'ApplyAlarmSetting') continue;
        const step = stepWorkflow(
          alarmWorkflow,
          state ?? alarmWorkflow.initialState(input.nodeId, input.kind),
          input.command,
        );
        if (step.state !== state) {
          node.kinds = { ...node.kinds, [input.kind]: step.state };
          node.changed = true;
        }
        if (step.events.length > 0)
          decided.set(node, [
            ...(decided.get(node) ?? []),
            ...step.events.map((event) => ({ event, cause: input.cause })),
          ]);
      }
      for (const [node, events] of decided) {
        for (const { event, cause } of events)
          node.revision = await appendAfter(
            deps.store,
            alarmStream(node.nodeId),
            toNewEvent(event, cause),
            node.revision,
          );
      }
      return { rows: [...nodes.values()].filter((n) => n.changed) };
    },

    async record(decided, tx, { table }) {
      const rows = decided.rows;
      if (rows.length === 0) return;
      const records = rows.map((n) => ({
        node_id: n.nodeId,
        stream_revision: n.revision,
        state: { v: STATE_VERSION, kinds: n.kinds } satisfies StoredState,
      }));
      await tx.query(
        `INSERT INTO ${table(ALARM_EVALUATION_TABLE)} (node_id, stream_revision, state)
         SELECT node_id, stream_revision, state FROM jsonb_to_recordset($1::jsonb) AS r(node_id text, stream_revision bigint, state jsonb)
         ON CONFLICT (node_id) DO UPDATE SET stream_revision = EXCLUDED.stream_revision, state = EXCLUDED.state`,
        [JSON.stringify(records)],
      );
    },
  };
}
