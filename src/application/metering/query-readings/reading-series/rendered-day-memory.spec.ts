import { RenderedDayMemory } from './rendered-day-memory.js';

const DAY = 86_400_000;

describe('RenderedDayMemory', () => {
  it('recalls a day by sensor, width and day, with the revision it was remembered at', () => {
    const memory = new RenderedDayMemory(1000);
    memory.remember('s1', '15m', 0, { revision: '7', points: 'abc' });
    memory.remember('s1', '1h', 0, { revision: '8', points: 'de' });
    expect(memory.recall('s1', '15m', 0)).toEqual({ revision: '7', points: 'abc' });
    expect(memory.recall('s1', '1h', 0)).toEqual({ revision: '8', points: 'de' });
    expect(memory.recall('s1', '15m', DAY)).toBeUndefined();
    expect(memory.recall('s2', '15m', 0)).toBeUndefined();
    memory.remember('s1', '15m', 0, { revision: '9', points: 'abcd' });
    expect(memory.recall('s1', '15m', 0)).toEqual({ revision: '9', points: 'abcd' });
    expect(memory.size).toBe(6);
  });

  it('stays within its capacity by dropping the least recently used days', () => {
    const memory = new RenderedDayMemory(10);
    memory.remember('s', '15m', 0, { revision: '1', points: 'aaaa' });
    memory.remember('s', '15m', DAY, { revision: '1', points: 'bbbb' });
    memory.recall('s', '15m', 0);
    memory.remember('s', '15m', 2 * DAY, { revision: '1', points: 'cccc' });
    expect(memory.recall('s', '15m', DAY)).toBeUndefined();
    expect(memory.recall('s', '15m', 0)?.points).toBe('aaaa');
    expect(memory.recall('s', '15m', 2 * DAY)?.points).toBe('cccc');
    expect(memory.size).toBe(8);
    memory.remember('s', '15m', 3 * DAY, { revision: '1', points: 'x'.repeat(11) });
    expect(memory.recall('s', '15m', 3 * DAY)).toBeUndefined();
    expect(memory.size).toBe(8);
  });

  it('holds nothing with a capacity of zero', () => {
    const memory = new RenderedDayMemory(0);
    memory.remember('s', '15m', 0, { revision: '1', points: 'a' });
    expect(memory.recall('s', '15m', 0)).toBeUndefined();
    expect(memory.size).toBe(0);
  });
});
