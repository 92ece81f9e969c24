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
import {
  EnrollInProgramHandler,
  LeaveProgramHandler,
  PauseEnrollmentHandler,
  ResumeEnrollmentHandler,
} from '../../../application/market/manage-enrollments/enrollment.handlers.js';
import {
  AssignResourceTargetsHandler,
  AssignVenTargetsHandler,
  RefuseUtilityWriteHandler,
} from '../../../application/market/manage-vens/ven.handlers.js';
import {
  GetEnrollmentHandler,
  GetJoinableProgramHandler,
  ListEnrollmentsHandler,
  ListJoinableProgramsHandler,
} from '../../../application/market/query-enrollments/owner-market-queries.handlers.js';
import { QueryOwnerCostsHandler } from '../../../application/market/query-owner-costs/owner-costs.handler.js';
import { QueryOwnerSignalsHandler } from '../../../application/market/query-owner-signals/owner-signals.handler.js';
import {
  GetReportHandler,
  SearchReportsHandler,
} from '../../../application/market/query-reports/report-queries.handlers.js';
import {
  GetResourceHandler,
  GetVenHandler,
  SearchResourcesHandler,
  SearchVensHandler,
} from '../../../application/market/query-vens/ven-queries.handlers.js';
import { PROJECTION_WAKE, type ProjectionWake } from '../../../application/market/read-your-writes.js';
import type { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';
import { PROJECTION_SUPERVISOR } from '../runtime.tokens.js';
import { OpenAdrDiscoveryController } from './openadr-discovery.controller.js';
import { OpenAdrEventsController } from './openadr-events.controller.js';
import { OpenAdrProgramsController } from './openadr-programs.controller.js';
import { OpenAdrSubscriptionsController } from './openadr-subscriptions.controller.js';
import { OpenAdrReportsController } from './openadr-reports.controller.js';
import { OpenAdrResourcesController, OpenAdrVensController } from './openadr-vens.controller.js';
import { MarketEnrollmentsController } from './market-enrollments.controller.js';
import { MarketSignalsController } from './market-signals.controller.js';

/**
 * Utilities' programs, grid signals, subscriptions, vens, resources and reports, spoken as OpenADR 3.1.0 under
 * `/openadr3/3.1.0`: these routes follow the spec's own document (served at `/openadr3/3.1.0/openapi.yaml`), not
 * Wattlog's OpenAPI document. Owners' side of the market (`/api/market`: programs, enrollments, signals, costs) is
 * part of Wattlog's own API.
 */
@Module({
  controllers: [
    OpenAdrDiscoveryController,
    OpenAdrProgramsController,
    OpenAdrEventsController,
    OpenAdrSubscriptionsController,
    OpenAdrVensController,
    OpenAdrResourcesController,
    OpenAdrReportsController,
    MarketEnrollmentsController,
    MarketSignalsController,
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
    SearchVensHandler,
    GetVenHandler,
    SearchResourcesHandler,
    GetResourceHandler,
    AssignVenTargetsHandler,
    AssignResourceTargetsHandler,
    RefuseUtilityWriteHandler,
    SearchReportsHandler,
    GetReportHandler,
    EnrollInProgramHandler,
    PauseEnrollmentHandler,
    ResumeEnrollmentHandler,
    LeaveProgramHandler,
    ListJoinableProgramsHandler,
    GetJoinableProgramHandler,
    ListEnrollmentsHandler,
    GetEnrollmentHandler,
    QueryOwnerSignalsHandler,
    QueryOwnerCostsHandler,
  ],
})
export class MarketModule {}

/** Routes that take `application/x-www-form-urlencoded` besides those Wattlog's OpenAPI document lists. */
export const OPENADR_FORM_ROUTES: readonly string[] = ['POST /openadr3/3.1.0/auth/token'];
