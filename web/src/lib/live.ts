import { signal } from '@preact/signals';
import type { Reading } from '../api/client';
import { authorizedFetch, currentToken } from './auth';
import { SseParser } from './sse';

/** Newest live reading per sensor; each value is its own signal so one sensor's update re-renders only its readers. */
const latest = new Map<string, ReturnType<typeof signal<Reading | null>>>();
export const streamState = signal<'idle' | 'open' | 'reconnecting'>('idle');

export function liveReading(sensorId: string): ReturnType<typeof signal<Reading | null>> {
  let value = latest.get(sensorId);
  if (!value) latest.set(sensorId, (value = signal<Reading | null>(null)));
  return value;
}

/**
 * One stream per tab for the sensors on screen. Readings of one stored frame arrive without an id and the frame's
 * log position follows on its last reading: they are applied only when that id arrives, so a reconnect with
 * `Last-Event-ID` neither loses nor repeats a reading.
 */
export function watchReadings(sensorIds: readonly string[]): () => void {
  const stopped = new AbortController();
  let connection: AbortController | null = null;
  let wake: (() => void) | null = null;
  let lastEventId: string | null = null;
  let attempt = 0;
  // A laptop that sleeps or changes network keeps a dead connection open for minutes: drop it when the browser
  // says it is offline, and reconnect at once (with the last id) when it is back.
  const onOffline = (): void => connection?.abort();
  const onOnline = (): void => {
    attempt = 0;
    wake?.();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  const readOnce = async (signal: AbortSignal): Promise<void> => {
    const query = sensorIds.map((id) => `sensor=${encodeURIComponent(id)}`).join('&');
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId !== null) headers['last-event-id'] = lastEventId;
    const response = await authorizedFetch(`/api/readings/stream?${query}`, { headers, signal });
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    streamState.value = 'open';
    attempt = 0;
    let pending: Reading[] = [];
    const parser = new SseParser((message) => {
      if (message.event !== 'reading') return;
      pending.push(JSON.parse(message.data) as Reading);
      if (message.id === null) return;
      lastEventId = message.id;
      for (const reading of pending) liveReading(reading.sensorId).value = reading;
      pending = [];
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      parser.push(value);
    }
  };
  const run = async (): Promise<void> => {
    while (!stopped.signal.aborted) {
      if (!navigator.onLine) {
        streamState.value = 'reconnecting';
        await pause(60_000);
        continue;
      }
      connection = new AbortController();
      try {
        if (currentToken()) await readOnce(AbortSignal.any([stopped.signal, connection.signal]));
      } catch {
        // Network error, abort or refusal: all end in a reconnect below unless the page stopped watching.
      }
      if (stopped.signal.aborted) return;
      streamState.value = 'reconnecting';
      await pause(Math.min(30_000, 500 * 2 ** attempt++) * (0.5 + Math.random() / 2));
    }
  };
  if (sensorIds.length > 0) void run();
  return () => {
    stopped.abort();
    wake?.();
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
    streamState.value = 'idle';
  };
}
