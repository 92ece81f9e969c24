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
  const controller = new AbortController();
  let lastEventId: string | null = null;
  let attempt = 0;
  const run = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        await readOnce();
        attempt = 0;
      } catch {
        if (controller.signal.aborted) return;
      }
      streamState.value = 'reconnecting';
      const wait = Math.min(30_000, 500 * 2 ** attempt++) * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  const readOnce = async (): Promise<void> => {
    const query = sensorIds.map((id) => `sensor=${encodeURIComponent(id)}`).join('&');
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId !== null) headers['last-event-id'] = lastEventId;
    if (!currentToken()) return;
    const response = await authorizedFetch(`/api/readings/stream?${query}`, { headers, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    streamState.value = 'open';
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
  if (sensorIds.length > 0) void run();
  return () => {
    controller.abort();
    streamState.value = 'idle';
  };
}
