import type { EventStore } from '../../src/application/ports/event-store.port.js';
import { EventStoreDbEventStore } from '../../src/infrastructure/event-store/eventstoredb/eventstoredb-event-store.adapter.js';
import { esdbTarget } from './esdb-fake/esdb-target.js';

/** The EventStoreDB adapter against EVENTSTORE_URL, else against the in-process fake. */
export async function openEsdbStore(): Promise<{ store: EventStore; close(): Promise<void> }> {
  const target = await esdbTarget();
  const store = new EventStoreDbEventStore(target.url);
  return {
    store,
    close: async () => {
      await store.close();
      await target.close();
    },
  };
}
