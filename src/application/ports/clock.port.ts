/** The time, from outside: handlers and sweepers ask it, the domain is handed what it returns. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date() };
