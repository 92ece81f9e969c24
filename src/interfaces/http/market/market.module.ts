import { Module } from '@nestjs/common';
import {
  DeleteGridSignalHandler,
  PublishGridSignalHandler,
  ReviseGridSignalHandler,
} from '../../../application/market/manage-grid-signals/grid-signal.handlers.js';
import {
  CreateOadrSubscriptionHandler,
  DeleteOadrSubscriptionHandler,
  ReviseOadrSubscriptionHandler,
} from '../../../application/market/manage-oadr-subscriptions/oadr-subscription.handlers.js';
import {
  PublishProgramHandler,
  ReviseProgramHandler,
  WithdrawProgramHandler,
} from '../../../application/market/manage-programs/program.handlers.js';
import {
  GetGridSignalHandler,
  SearchGridSignalsHandler,
} from '../../../application/market/query-grid-signals/grid-signal-queries.handlers.js';
import {
  GetOadrSubscriptionHandler,
  SearchOadrSubscriptionsHandler,
} from '../../../application/market/query-oadr-subscriptions/oadr-subscription-queries.handlers.js';
import {
  GetProgramHandler,
  SearchProgramsHandler,
} from '../../../application/market/query-programs/program-queries.handlers.js';
import { PROJECTION_WAKE, type ProjectionWake } from '../../../application/market/read-your-writes.js';
import type { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';
import { PROJECTION_SUPERVISOR } from '../runtime.tokens.js';
import { OpenAdrDiscoveryController } from './openadr-discovery.controller.js';
import { OpenAdrEventsController } from './openadr-events.controller.js';
import { OpenAdrProgramsController } from './openadr-programs.controller.js';
import { OpenAdrSubscriptionsController } from './openadr-subscriptions.controller.js';

/**
 * Utilities' programs, grid signals and subscriptions, spoken as OpenADR 3.1.0 under `/openadr3/3.1.0`. These
 * routes follow the spec's own document (served at `/openadr3/3.1.0/openapi.yaml`), not Wattlog's OpenAPI document.
 */
@Module({
  controllers: [
    OpenAdrDiscoveryController,
    OpenAdrProgramsController,
    OpenAdrEventsController,
    OpenAdrSubscriptionsController,
  ],
  providers: [
    {
      provide: PROJECTION_WAKE,
      useFactory: (supervisor: ProjectionSupervisor): ProjectionWake => ({ poke: () => supervisor.poke() }),
      inject: [PROJECTION_SUPERVISOR],
    },
    PublishProgramHandler,
    ReviseProgramHandler,
    WithdrawProgramHandler,
    SearchProgramsHandler,
    GetProgramHandler,
    PublishGridSignalHandler,
    ReviseGridSignalHandler,
    DeleteGridSignalHandler,
    SearchGridSignalsHandler,
    GetGridSignalHandler,
    CreateOadrSubscriptionHandler,
    ReviseOadrSubscriptionHandler,
    DeleteOadrSubscriptionHandler,
    SearchOadrSubscriptionsHandler,
    GetOadrSubscriptionHandler,
  ],
})
export class MarketModule {}

/** Routes that take `application/x-www-form-urlencoded` besides those Wattlog's OpenAPI document lists. */
export const OPENADR_FORM_ROUTES: readonly string[] = ['POST /openadr3/3.1.0/auth/token'];
