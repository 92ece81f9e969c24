import { EventStoreDbEventStore } from '../../src/infrastructure/event-store/eventstoredb/eventstoredb-event-store.adapter.js';
import { esdbTarget } from '../support/esdb-fake/esdb-target.js';
import { describeEventStoreContract } from './event-store.contract.js';

// Against EVENTSTORE_URL when set, else the in-process gRPC fake (test/support/esdb-fake/README.md).
describeEventStoreContract(
  `eventstoredb (${process.env.EVENTSTORE_URL ? 'EVENTSTORE_URL' : 'in-process fake'})`,
  async () => {
    const target = await esdbTarget();
    const store = new EventStoreDbEventStore(target.url);
    return {
      store,
      cleanup: async () => {
        await store.close();
        await target.close();
      },
    };
  },
);
