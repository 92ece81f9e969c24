import { echoDecoders } from '#test/support/echo-decoder.js';
import type { EventStore } from '../ports/event-store.port.js';
import { findProjections, findRunnable, logProcesses, projectionCatalog } from './projection-catalog.js';

const deps = { decoders: echoDecoders, store: {} as EventStore };

describe('projection catalogue', () => {
  const runnable = [...projectionCatalog(deps), ...logProcesses(deps)];

  it('names each projection and log process after its (main) table, once', () => {
    for (const p of runnable) expect([p.name, p.tables[0]]).toEqual([p.name, p.name]);
    expect(new Set(runnable.map((p) => p.name)).size).toBe(runnable.length);
  });

  it('still finds them by their former names, for the CLI', () => {
    const former = {
      audit: 'audit_log',
      gateways: 'gateway_status',
      readings: 'readings_latest',
      'api-clients': 'api_clients',
      access: 'access_grants',
      'data-access-log': 'data_access_log',
      'node-configuration': 'node_configuration',
    };
    for (const [old, now] of Object.entries(former))
      expect(findProjections(old, deps).map((p) => p.name)).toEqual([now]);
    expect(findRunnable('alarm-evaluation', deps).map((p) => p.name)).toEqual(['alarm_evaluation']);
  });

  it('never hands a log process to a rebuild', () => {
    expect(() => findProjections('alarm_evaluation', deps)).toThrow('unknown projection "alarm_evaluation"');
    expect(findProjections('all', deps).map((p) => p.name)).not.toContain('alarm_evaluation');
  });
});
