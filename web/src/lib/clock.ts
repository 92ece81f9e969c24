import { signal } from '@preact/signals';

/** Wall-clock milliseconds, ticking once a second, for "8 s ago" labels. */
export const now = signal(Date.now());
setInterval(() => (now.value = Date.now()), 1000);
