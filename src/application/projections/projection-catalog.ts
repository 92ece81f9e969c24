import { apiClientsProjection } from '../access/api-clients-read-model/api-clients.projection.js';
import { usersProjection } from '../access/users-read-model/users.projection.js';
import { accessProjection } from '../access/access-read-model/access.projection.js';
import { dataAccessLogProjection } from '../access/data-access-log-read-model/data-access-log.projection.js';
import { auditLogProjection } from '../audit/audit-log-read-model/audit-log.projection.js';
import { nodeConfigurationProjection } from '../devices/node-configuration-read-model/node-configuration.projection.js';
import { nodesProjection } from '../devices/nodes-read-model/nodes.projection.js';
import { alarmsProjection } from '../monitoring/alarms-read-model/alarms.projection.js';
import { ALARM_EVALUATION, alarmEvaluation } from '../monitoring/evaluate-alarms/alarm-evaluation.process.js';
import { gatewayStatusProjection } from '../gateways/gateway-status-read-model/gateway-status.projection.js';
import type { DecoderLookup } from '../metering/ports/payload-decoders.port.js';
import { readingsProjection } from '../metering/readings-read-model/readings.projection.js';
import type { EventStore } from '../ports/event-store.port.js';
import type { AnyProjection } from './projection.js';

/** What some projections need from the outside: the protocol modules that upcast version 1 readings events. */
export interface ProjectionDeps {
  readonly decoders: DecoderLookup;
}

/** Every projection the platform runs; rebuild takes its list from here, the supervisor adds the log processes. */
export function projectionCatalog(deps: ProjectionDeps): readonly AnyProjection[] {
  return [
    auditLogProjection,
    gatewayStatusProjection,
    readingsProjection(deps),
    nodesProjection(deps),
    usersProjection,
    apiClientsProjection,
    accessProjection,
    dataAccessLogProjection,
    nodeConfigurationProjection,
    alarmsProjection,
  ];
}

/** What processes need besides: the log they append to. */
export interface ProcessDeps extends ProjectionDeps {
  readonly store: EventStore;
}

/**
 * Processes that run like projections (checkpoint, one runner, lag) but append to the event log. Replays never
 * rebuild them: what they appended is history, and re-deriving it from scratch can only repeat it.
 */
export function logProcesses(deps: ProcessDeps): readonly AnyProjection[] {
  return [alarmEvaluation(deps)];
}

/** Everything a projector runs: the projections and the processes. */
export function runnableProjections(deps: ProcessDeps): readonly AnyProjection[] {
  return [...projectionCatalog(deps), ...logProcesses(deps)];
}

/** Projections and processes by name, for the projector. */
export function findRunnable(name: string, deps: ProcessDeps): AnyProjection[] {
  const runnable = runnableProjections(deps);
  if (name === 'all') return [...runnable];
  const found = runnable.find((p) => p.name === name);
  if (!found) throw new Error(`unknown projection "${name}"; known: ${runnable.map((p) => p.name).join(', ')}, all`);
  return [found];
}

export function findProjections(name: string, deps: ProjectionDeps): AnyProjection[] {
  const catalog = projectionCatalog(deps);
  if (name === 'all') return [...catalog];
  const found = catalog.find((p) => p.name === name);
  if (name === ALARM_EVALUATION) throw new Error(`${name} appends to the event log and is never rebuilt; the projector runs it`);
  if (!found) {
    throw new Error(`unknown projection "${name}"; known: ${catalog.map((p) => p.name).join(', ')}, all`);
  }
  return [found];
}
