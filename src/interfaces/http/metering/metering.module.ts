import { Module } from '@nestjs/common';
import { PAYLOAD_DECODERS } from '../../../application/metering/ports/payload-decoders.port.js';
import { GetLatestReadingsHandler } from '../../../application/metering/query-readings/latest-readings/get-latest-readings.handler.js';
import { QueryReadingSeriesHandler } from '../../../application/metering/query-readings/reading-series/query-reading-series.handler.js';
import { LiveReadingsHub } from '../../../application/metering/query-readings/watch-readings/live-readings-hub.js';
import { WatchReadingsHandler } from '../../../application/metering/query-readings/watch-readings/watch-readings.handler.js';
import { decoderLookup } from '../../../infrastructure/protocols/payload-decoders.js';
import { AccessPolicyModule } from '../access/access-policy.module.js';
import { ReadingsStreamController } from './readings-stream.controller.js';
import { ReadingsController } from './readings.controller.js';

@Module({
  imports: [AccessPolicyModule],
  controllers: [ReadingsController, ReadingsStreamController],
  providers: [
    GetLatestReadingsHandler,
    QueryReadingSeriesHandler,
    // Decoders upcast v1 ReadingsReported events (native payloads) for the live stream.
    { provide: PAYLOAD_DECODERS, useFactory: () => decoderLookup() },
    LiveReadingsHub,
    WatchReadingsHandler,
  ],
})
export class MeteringModule {}
