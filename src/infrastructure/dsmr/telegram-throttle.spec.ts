import { ManualTimers } from '#test/support/manual-timers.js';
import { checkReportingInterval, ReportingIntervalError, TelegramThrottle } from './telegram-throttle.js';

function aThrottle(seconds: number): { throttle: TelegramThrottle; timers: ManualTimers; forwarded: string[] } {
  const timers = new ManualTimers();
  const forwarded: string[] = [];
  return { throttle: new TelegramThrottle(seconds, (telegram) => forwarded.push(telegram), timers), timers, forwarded };
}

/** A DSMR 5 meter: telegram `t<n>` half a second past second n, so no telegram lands on a boundary instant. */
function meterPushesEverySecond(timers: ManualTimers, throttle: TelegramThrottle, seconds: number): void {
  for (let n = 0; n < seconds; n++) {
    timers.advance(500);
    throttle.offer(`t${n}`);
    timers.advance(500);
  }
}

describe('TelegramThrottle', () => {
  it('forwards one telegram per interval from a meter that pushes every second: the newest at each boundary', () => {
    const { throttle, timers, forwarded } = aThrottle(10);
    meterPushesEverySecond(timers, throttle, 35);
    expect(forwarded).toEqual(['t9', 't19', 't29']);
    timers.advance(5000);
    expect(forwarded).toEqual(['t9', 't19', 't29', 't34']);
  });

  it('says when an offered telegram takes the place of one held already', () => {
    const { throttle, timers } = aThrottle(5);
    expect(throttle.offer('a')).toBe(false);
    expect(throttle.offer('b')).toBe(true);
    timers.advance(5000);
    expect(throttle.offer('c')).toBe(false);
  });

  it('forwards nothing at a boundary no telegram came before, and never a telegram twice', () => {
    const { throttle, timers, forwarded } = aThrottle(5);
    timers.advance(1000);
    throttle.offer('only');
    timers.advance(30_000);
    expect(forwarded).toEqual(['only']);
  });

  it('forwards every telegram at an interval of 1 s when the meter is slower (DSMR 4: every 10 s)', () => {
    const { throttle, timers, forwarded } = aThrottle(1);
    for (let n = 0; n < 3; n++) {
      timers.advance(9_500);
      throttle.offer(`t${n}`);
      timers.advance(500);
    }
    expect(forwarded).toEqual(['t0', 't1', 't2']);
  });

  it('applies a new interval to the wait in progress: from the last boundary, or at once when that is past', () => {
    const { throttle, timers, forwarded } = aThrottle(60);
    timers.advance(4000);
    throttle.offer('a');
    throttle.setIntervalSeconds(10);
    timers.advance(5999);
    expect(forwarded).toEqual([]);
    timers.advance(1);
    expect(forwarded).toEqual(['a']);

    // Boundary at 10 s; at 18 s a 5 s interval is overdue, so its boundary is now.
    timers.advance(8000);
    throttle.offer('b');
    throttle.setIntervalSeconds(5);
    timers.advance(0);
    expect(forwarded).toEqual(['a', 'b']);

    // Boundary at 18 s; a longer interval moves the next one out: 18 + 30 = 48 s.
    throttle.offer('c');
    throttle.setIntervalSeconds(30);
    timers.advance(29_999);
    expect(forwarded).toEqual(['a', 'b']);
    timers.advance(1);
    expect(forwarded).toEqual(['a', 'b', 'c']);
    expect(throttle.intervalSeconds).toBe(30);
  });

  it('forwards nothing after stop, and leaves no timer behind', () => {
    const { throttle, timers, forwarded } = aThrottle(5);
    throttle.offer('held');
    throttle.stop();
    timers.advance(60_000);
    expect(forwarded).toEqual([]);
    expect(timers.scheduled).toBe(0);
  });
});

describe('checkReportingInterval', () => {
  it('takes whole seconds from 1 to 900', () => {
    expect(checkReportingInterval(1)).toBe(1);
    expect(checkReportingInterval(900)).toBe(900);
  });

  it.each([0, 901, 1.5, '10', undefined, Number.NaN])('refuses %p with the range', (value) => {
    expect(() => checkReportingInterval(value)).toThrow(ReportingIntervalError);
    expect(() => checkReportingInterval(value)).toThrow(/must be an integer from 1 to 900 seconds/);
  });
});
