import { Module } from '@nestjs/common';
import {
  BufferedDataAccessRecorder,
  DATA_ACCESS_LOG_OPTIONS,
  DEFAULT_DATA_ACCESS_LOG_OPTIONS,
} from '../../../application/access/record-data-access/buffered-data-access-recorder.js';
import { ReadModelAccessPolicy } from '../../../application/access/policy/read-model-access-policy.js';
import { ACCESS_POLICY } from '../../../application/access/ports/access-policy.port.js';
import { DATA_ACCESS_RECORDER } from '../../../application/access/ports/data-access-recorder.port.js';
import { PRINCIPAL_DIRECTORY } from '../../../application/access/ports/principal-directory.port.js';
import { EventLogPrincipalDirectory } from '../../../application/access/principal-directory/event-log-principal-directory.js';
import { EVENT_STORE, type EventStore } from '../../../application/ports/event-store.port.js';

/**
 * What the access context offers the other contexts: the access policy every handler asks, the data-access log
 * reads are recorded in (one buffer for the whole server) and the principal directory. It has no routes.
 */
@Module({
  providers: [
    { provide: ACCESS_POLICY, useClass: ReadModelAccessPolicy },
    {
      provide: PRINCIPAL_DIRECTORY,
      useFactory: (store: EventStore) => new EventLogPrincipalDirectory(store),
      inject: [EVENT_STORE],
    },
    { provide: DATA_ACCESS_LOG_OPTIONS, useValue: DEFAULT_DATA_ACCESS_LOG_OPTIONS },
    { provide: DATA_ACCESS_RECORDER, useClass: BufferedDataAccessRecorder },
  ],
  exports: [ACCESS_POLICY, PRINCIPAL_DIRECTORY, DATA_ACCESS_RECORDER],
})
export class AccessPolicyModule {}
