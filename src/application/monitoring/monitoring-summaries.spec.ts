import { summarizeEvent } from '../audit/event-summary.js';
import type { RecordedEvent } from '../ports/event-store.port.js';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: 'e1',
  stream: 'alarm-zigbee:0x01',
  revision: 0,
  position: '1:1',
  type,
  data,
  metadata: {},
  recordedAt: '2026-01-01T00:00:00.000Z',
});

describe('audit summaries of alarms', () => {
  it('says which sensor, the value against the setting, and since when', () => {
    const event = recorded('AlarmRaised', {
      kind: 'power_above',
      sensorId: 'zigbee:0x01/1/power',
      unit: 'W',
      value: 3200,
      since: '2026-01-01T10:00:00.000Z',
      raisedAt: '2026-01-01T10:01:00.000Z',
      setting: { kind: 'alarm_power_above', enabled: true, thresholdW: 3000, forSeconds: 60 },
    });
    expect(summarizeEvent(event)).toBe(
      'AlarmRaised: power_above on zigbee:0x01/1/power: 3200 W against 3000 W for 60 s, since 2026-01-01T10:00:00.000Z, raised at 2026-01-01T10:01:00.000Z',
    );
    const band = recorded('AlarmRaised', {
      kind: 'voltage_band',
      sensorId: 's',
      unit: 'V',
      value: 260,
      since: 'a',
      raisedAt: 'a',
      setting: { kind: 'alarm_voltage_band', minV: 207, maxV: 253 },
    });
    expect(summarizeEvent(band)).toContain('260 V against 207–253 V');
  });

  it('says why and when an alarm ended, with its peak; odd shapes never throw', () => {
    const event = recorded('AlarmCleared', {
      kind: 'power_above',
      sensorId: 's',
      unit: 'W',
      reason: 'setting_disabled',
      clearedAt: '2026-01-01T11:00:00.000Z',
      peak: 4100,
    });
    expect(summarizeEvent(event)).toBe(
      'AlarmCleared: power_above on s cleared (setting_disabled) at 2026-01-01T11:00:00.000Z, peak 4100 W',
    );
    expect(summarizeEvent(recorded('AlarmRaised', null))).toMatch(/^AlarmRaised: \? on \?/);
  });
});
