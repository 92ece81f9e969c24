import { quietHoursEnd } from './quiet-hours.js';

const night = { start: '22:00', end: '07:00', timeZone: 'Europe/Amsterdam' };

describe('quiet hours', () => {
  it('ends the next local morning when it crosses midnight', () => {
    expect(quietHoursEnd(night, new Date('2026-06-10T21:30:00Z'))?.toISOString()).toBe('2026-06-11T05:00:00.000Z');
    expect(quietHoursEnd(night, new Date('2026-06-11T03:00:00Z'))?.toISOString()).toBe('2026-06-11T05:00:00.000Z');
  });

  it('is null outside the window', () => {
    expect(quietHoursEnd(night, new Date('2026-06-10T12:00:00Z'))).toBeNull();
    expect(quietHoursEnd(night, new Date('2026-06-11T05:00:00Z'))).toBeNull();
  });

  it('keeps the local end time across the spring-forward night', () => {
    // 28–29 March 2026: 07:00 local is CEST (UTC+2) while 22:00 the evening before was CET (UTC+1).
    expect(quietHoursEnd(night, new Date('2026-03-28T22:00:00Z'))?.toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });
});
