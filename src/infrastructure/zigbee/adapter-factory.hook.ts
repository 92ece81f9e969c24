import { Adapter } from 'zigbee-herdsman/dist/adapter/adapter.js';

export type AdapterFactory = typeof Adapter.create;

let replaced = false;

/**
 * Herdsman 10.9 has no injection point for an adapter, nor a public handle on the one it made: `Controller.start()`
 * always calls the static `Adapter.create(...)`. For the duration of `run` (which starts one controller), that call
 * is answered by `factory` instead, once; the original factory is back before `factory` runs, so a factory may call
 * `Adapter.create` itself to make (and keep) a real adapter, and a controller started later gets herdsman's own.
 */
export async function withAdapterFactory<T>(factory: AdapterFactory, run: () => Promise<T>): Promise<T> {
  if (replaced) throw new Error('another ZigBee controller is starting in this process');
  const original = Adapter.create;
  replaced = true;
  Adapter.create = async (...args) => {
    Adapter.create = original;
    return factory(...args);
  };
  try {
    return await run();
  } finally {
    Adapter.create = original;
    replaced = false;
  }
}
