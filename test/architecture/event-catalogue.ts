import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ACCESS_LOG_STREAM_PREFIX } from '../../src/application/access/record-data-access/buffered-data-access-recorder.js';
import {
  CLIENT_STREAM_PREFIX,
  EMAIL_STREAM_PREFIX,
  USER_STREAM_PREFIX,
} from '../../src/application/access/access-streams.js';
import { sensorVisibilityStream } from '../../src/application/access/change-sensor-visibility/change-sensor-visibility.handler.js';
import { GRANT_STREAM_PREFIX } from '../../src/application/access/grant-stream.js';
import { MAIN_METER_STREAM_PREFIX } from '../../src/application/access/choose-main-meter/main-meter-stream.js';
import { ACTUATOR_STREAM_PREFIX, COMMAND_STREAM_PREFIX } from '../../src/application/control/control-streams.js';
import { NODE_STREAM_PREFIX } from '../../src/application/devices/node-configuration/node-stream.js';
import { GATEWAY_STREAM_PREFIX } from '../../src/application/gateways/gateway-stream.js';
import { readingsStream } from '../../src/application/metering/ingest-frame/readings-stream.js';
import {
  ENROLLMENT_STREAM_PREFIX,
  GRID_SIGNAL_STREAM_PREFIX,
  OADR_SUBSCRIPTION_STREAM_PREFIX,
  PROGRAM_STREAM_PREFIX,
  VEN_REPORT_STREAM_PREFIX,
} from '../../src/application/market/market-streams.js';
import { ALARM_STREAM_PREFIX } from '../../src/application/monitoring/alarm-streams.js';
import { LOAD_HOLD_STREAM_PREFIX } from '../../src/application/automation/load-hold-stream.js';
import { RULE_STREAM_PREFIX } from '../../src/application/automation/rule-stream.js';
import { LOAD_HOLD_EVENT_TYPES } from '../../src/domain/automation/load-hold.events.js';
import { AUTOMATION_RULE_EVENT_TYPES } from '../../src/domain/automation/rule.events.js';
import {
  NOTIFICATION_CHANNEL_STREAM_PREFIX,
  NOTIFICATION_SETTINGS_STREAM_PREFIX,
} from '../../src/application/notifications/notification-streams.js';
import { DASHBOARD_STREAM_PREFIX } from '../../src/application/dashboards/dashboard-stream.js';
import type { EventStore } from '../../src/application/ports/event-store.port.js';
import { logProcesses, projectionCatalog } from '../../src/application/projections/projection-catalog.js';
import { API_CLIENT_EVENT_TYPES } from '../../src/domain/access/api-client.events.js';
import { DATA_ACCESSED } from '../../src/domain/access/data-access.events.js';
import { GRANT_EVENT_TYPES } from '../../src/domain/access/grant.events.js';
import { SENSOR_VISIBILITY_CHANGED } from '../../src/domain/access/sensor-visibility.decider.js';
import { MAIN_METER_CHOSEN } from '../../src/domain/access/main-meter.decider.js';
import { EMAIL_RESERVED, USER_EVENT_TYPES } from '../../src/domain/access/user.events.js';
import { ACTUATOR_COMMAND_EVENT_TYPES, CONTROL_EVENT_TYPES } from '../../src/domain/control/actuator-command.events.js';
import { DASHBOARD_EVENT_TYPES } from '../../src/domain/dashboards/dashboard.events.js';
import { NODE_CONFIGURATION_EVENT_TYPES } from '../../src/domain/devices/node-configuration.events.js';
import { GATEWAY_EVENT_TYPES } from '../../src/domain/gateways/gateway.events.js';
import { NETWORK_CONFIGURATION_EVENT_TYPES } from '../../src/domain/gateways/network-configuration.events.js';
import { GATEWAY_FRAME_EVENT_TYPES } from '../../src/domain/metering/gateway-frame.events.js';
import { ENROLLMENT_EVENT_TYPES } from '../../src/domain/market/enrollment.events.js';
import { GRID_SIGNAL_EVENT_TYPES } from '../../src/domain/market/grid-signal.events.js';
import { VEN_REPORT_EVENT_TYPES } from '../../src/domain/market/ven-report.events.js';
import { OADR_SUBSCRIPTION_EVENT_TYPES } from '../../src/domain/market/oadr-subscription.events.js';
import { PROGRAM_EVENT_TYPES } from '../../src/domain/market/program.events.js';
import { ALARM_EVENT_TYPES } from '../../src/domain/monitoring/alarm.events.js';
import { NOTIFICATION_CHANNEL_EVENT_TYPES } from '../../src/domain/notifications/notification-channel.events.js';
import { NOTIFICATION_SETTINGS_EVENT_TYPES } from '../../src/domain/notifications/notification-settings.events.js';
import { REPO_ROOT, typeScriptFilesUnder } from './import-rules.js';

export interface StreamEntry {
  readonly context: string;
  /** The stream name with its variable part in angle brackets. */
  readonly stream: string;
  readonly events: readonly string[];
}

/**
 * Which stream each stored event type goes to. The one hand-kept part of the catalogue: names and lists come from
 * the code, and the spec fails when a domain event type is in no stream (or in two).
 */
export const STREAMS: readonly StreamEntry[] = [
  {
    context: 'gateways',
    stream: `${GATEWAY_STREAM_PREFIX}<gatewayId>`,
    events: [...GATEWAY_EVENT_TYPES, ...NETWORK_CONFIGURATION_EVENT_TYPES],
  },
  { context: 'metering', stream: readingsStream('<gatewayId>'), events: GATEWAY_FRAME_EVENT_TYPES },
  { context: 'devices', stream: `${NODE_STREAM_PREFIX}<nodeId>`, events: NODE_CONFIGURATION_EVENT_TYPES },
  { context: 'control', stream: `${COMMAND_STREAM_PREFIX}<commandId>`, events: ACTUATOR_COMMAND_EVENT_TYPES },
  {
    context: 'control',
    stream: `${ACTUATOR_STREAM_PREFIX}<sensorId>`,
    events: CONTROL_EVENT_TYPES.filter((type) => !(ACTUATOR_COMMAND_EVENT_TYPES as readonly string[]).includes(type)),
  },
  { context: 'access', stream: `${USER_STREAM_PREFIX}<userId>`, events: USER_EVENT_TYPES },
  { context: 'access', stream: `${EMAIL_STREAM_PREFIX}<sha256 of address>`, events: [EMAIL_RESERVED] },
  { context: 'access', stream: `${CLIENT_STREAM_PREFIX}<clientId>`, events: API_CLIENT_EVENT_TYPES },
  { context: 'access', stream: `${GRANT_STREAM_PREFIX}<grantId>`, events: GRANT_EVENT_TYPES },
  { context: 'access', stream: sensorVisibilityStream('<sensorId>'), events: [SENSOR_VISIBILITY_CHANGED] },
  { context: 'access', stream: `${ACCESS_LOG_STREAM_PREFIX}<yyyy-mm-dd>`, events: [DATA_ACCESSED] },
  { context: 'access', stream: `${MAIN_METER_STREAM_PREFIX}<actorId>`, events: [MAIN_METER_CHOSEN] },
  { context: 'monitoring', stream: `${ALARM_STREAM_PREFIX}<nodeId>`, events: ALARM_EVENT_TYPES },
  { context: 'dashboards', stream: `${DASHBOARD_STREAM_PREFIX}<dashboardId>`, events: DASHBOARD_EVENT_TYPES },
  { context: 'market', stream: `${PROGRAM_STREAM_PREFIX}<programId>`, events: PROGRAM_EVENT_TYPES },
  { context: 'market', stream: `${GRID_SIGNAL_STREAM_PREFIX}<eventId>`, events: GRID_SIGNAL_EVENT_TYPES },
  {
    context: 'market',
    stream: `${OADR_SUBSCRIPTION_STREAM_PREFIX}<subscriptionId>`,
    events: OADR_SUBSCRIPTION_EVENT_TYPES,
  },
  { context: 'automation', stream: `${RULE_STREAM_PREFIX}<ruleId>`, events: AUTOMATION_RULE_EVENT_TYPES },
  { context: 'automation', stream: `${LOAD_HOLD_STREAM_PREFIX}<sensorId>`, events: LOAD_HOLD_EVENT_TYPES },
  { context: 'market', stream: `${ENROLLMENT_STREAM_PREFIX}<enrollmentId>`, events: ENROLLMENT_EVENT_TYPES },
  { context: 'market', stream: `${VEN_REPORT_STREAM_PREFIX}<reportId>`, events: VEN_REPORT_EVENT_TYPES },
  {
    context: 'notifications',
    stream: `${NOTIFICATION_CHANNEL_STREAM_PREFIX}<channelId>`,
    events: NOTIFICATION_CHANNEL_EVENT_TYPES,
  },
  {
    context: 'notifications',
    stream: `${NOTIFICATION_SETTINGS_STREAM_PREFIX}<ownerId>`,
    events: NOTIFICATION_SETTINGS_EVENT_TYPES,
  },
];

export interface Consumer {
  readonly name: string;
  /** Undefined: every event. */
  readonly eventTypes?: readonly string[];
}

/** Read models and log processes as the projection engine runs them; their dependencies are never called here. */
export function consumers(): { readModels: Consumer[]; processes: Consumer[] } {
  const deps = { decoders: () => undefined, store: {} as EventStore };
  const view = (p: Consumer): Consumer => ({ name: p.name, ...(p.eventTypes ? { eventTypes: p.eventTypes } : {}) });
  return { readModels: projectionCatalog(deps).map(view), processes: logProcesses(deps).map(view) };
}

/**
 * Every event type the domain declares, from the source text: `DomainEvent<'Name', …>` and
 * `DomainEvent<typeof NAME, …>` with `NAME = 'Name'` in the same file. Text, not imports, so a new events file
 * anywhere under src/domain is found without being listed here.
 */
export function domainEventTypes(): Map<string, string> {
  const domain = join(REPO_ROOT, 'src', 'domain');
  const found = new Map<string, string>();
  for (const file of typeScriptFilesUnder(domain).filter((f) => !/\.(int-|e2e-)?spec\.ts$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    const constants = new Map([...text.matchAll(/export const (\w+) = '(\w+)'/g)].map((m) => [m[1]!, m[2]!]));
    for (const m of text.matchAll(/DomainEvent<\s*(?:'(\w+)'|typeof\s+(\w+))/g)) {
      const type = m[1] ?? constants.get(m[2]!);
      if (type) found.set(type, relative(REPO_ROOT, file));
    }
  }
  return found;
}

const code = (text: string): string => `\`${text}\``;
const list = (names: readonly string[]): string => (names.length ? names.map(code).join(', ') : '—');

/** The markdown table of docs/architecture.md: one row per stream and event, with who consumes it. */
export function renderCatalogue(): string {
  const { readModels, processes } = consumers();
  const readingAll = readModels.filter((c) => !c.eventTypes).map((c) => c.name);
  const of = (all: Consumer[], type: string) => all.filter((c) => c.eventTypes?.includes(type)).map((c) => c.name);
  const rows = STREAMS.flatMap((entry) =>
    entry.events.map((type, i) => {
      const first = i === 0;
      return `| ${first ? entry.context : ''} | ${first ? code(entry.stream) : ''} | ${code(type)} | ${list(of(readModels, type))} | ${list(of(processes, type))} |`;
    }),
  );
  return [
    '| context | stream | event | read models | log processes |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `Read models that take every event (not repeated above): ${list(readingAll)}.`,
  ].join('\n');
}

export const CATALOGUE_START = '<!-- event-catalogue:start -->';
export const CATALOGUE_END = '<!-- event-catalogue:end -->';

/**
 * A table compared by content: cells trimmed and separator rows reduced to `---`, so a formatter that pads the
 * columns (the catalogue is also fenced with prettier-ignore) does not make the document differ.
 */
export function normalizeTable(markdown: string): string {
  return markdown
    .trim()
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim().replace(/^:?-{3,}:?$/, '---'))
            .join('|')
        : line.trimEnd(),
    )
    .join('\n');
}

/** The text between the markers of docs/architecture.md, trimmed; undefined without both markers. */
export function documentedCatalogue(markdown: string): string | undefined {
  const start = markdown.indexOf(CATALOGUE_START);
  const end = markdown.indexOf(CATALOGUE_END);
  if (start < 0 || end < start) return undefined;
  return markdown.slice(start + CATALOGUE_START.length, end).trim();
}
