import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { channelMemory, checkChannel } from './zigbee-channel.js';

const logger = pino({ level: 'silent' });

describe('the channel a real ZigBee network was moved to', () => {
  let dir: string;
  let databasePath: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wattlog-zigbee-channel-'));
    databasePath = join(dir, 'database.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts on the channel it was moved to while gateway.json names the one it left', () => {
    expect(channelMemory(databasePath, logger).initial(11, checkChannel)).toBe(11);
    channelMemory(databasePath, logger).remember(20, 11, new Date('2025-03-01T12:00:00Z'));
    expect(channelMemory(databasePath, logger).initial(11, checkChannel)).toBe(20);
    expect(channelMemory(databasePath, logger).initial(15, checkChannel)).toBe(15);
  });

  it('carries a file of the earlier shape over, and refuses a channel out of range', () => {
    const path = join(dir, 'network-channel.json');
    writeFileSync(path, JSON.stringify({ channel: 25, configuredChannel: 11, movedAt: '2025-01-02T03:04:05.000Z' }));
    expect(channelMemory(databasePath, logger).initial(11, checkChannel)).toBe(25);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      value: 25,
      configured: 11,
      changedAt: '2025-01-02T03:04:05.000Z',
    });
    writeFileSync(path, JSON.stringify({ value: 27, configured: 11, changedAt: '2025-01-02T03:04:05.000Z' }));
    expect(channelMemory(databasePath, logger).initial(11, checkChannel)).toBe(11);
    expect(() => checkChannel(27)).toThrow('a ZigBee channel is 11..26, got 27');
  });
});
