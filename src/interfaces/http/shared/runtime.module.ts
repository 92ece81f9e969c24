import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type {
  NetworkConfigurationSending,
  NetworkLink,
} from '../../../application/gateways/network-configuration/ports/network-link.port.js';
import {
  NETWORK_CONFIGURATION_SENDING,
  NETWORK_LINK,
} from '../../../application/gateways/network-configuration/ports/network-link.port.js';
import { KEY_VAULT, type KeyVault } from '../../../application/gateways/ports/key-vault.port.js';
import {
  type RenderedDayMemory,
  SERIES_DAY_MEMORY,
} from '../../../application/metering/query-readings/reading-series/rendered-day-memory.js';
import { CALLBACK_VERIFIER, type CallbackVerifier } from '../../../application/market/ports/callback-verifier.port.js';
import { MAILER, type Mailer } from '../../../application/notifications/ports/mailer.port.js';
import {
  WEBHOOK_URL_POLICY,
  type WebhookUrlPolicy,
} from '../../../application/notifications/ports/webhook-url-policy.port.js';
import { TransportWebhookUrlPolicy } from '../../../infrastructure/notifications/webhook-url-policy.js';
import { CLOCK, systemClock } from '../../../application/ports/clock.port.js';
import { EVENT_STORE } from '../../../application/ports/event-store.port.js';
import { READ_MODEL_DB } from '../../../application/ports/read-model-db.port.js';
import type { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';
import { REPLAY_JOBS, type ReplayJobs } from '../../../application/projections/replay-jobs.js';
import type { Storage } from '../../../infrastructure/composition/storage.js';
import type { AccessRuntime } from '../access/access-runtime.js';
import { ADMIT_EVERY_REQUEST, PRINCIPAL_ADMISSION, type PrincipalAdmission } from '../rate-limit/rate-limit.js';
import {
  ACTUATOR_DISPATCH,
  ADMIN_TOKEN,
  METRICS_REGISTRY,
  PROJECTION_SUPERVISOR,
  type ActuatorDispatchPoke,
} from '../runtime.tokens.js';

/** What the server builds before Nest starts (storage, supervisor, link, access state) and hands to the modules. */
export interface AppRuntime {
  readonly storage: Storage;
  readonly projections: ProjectionSupervisor;
  /** Rebuilds started from the System page. */
  readonly replays: ReplayJobs;
  readonly metrics: Registry;
  readonly adminToken: string;
  readonly keyVault: KeyVault;
  readonly access: AccessRuntime;
  readonly actuatorDispatch: ActuatorDispatchPoke;
  readonly networkLink: NetworkLink;
  readonly networkConfigurationSending: NetworkConfigurationSending;
  /** Whole days of series JSON this process keeps (WATTLOG_SERIES_MEMORY_MIB). */
  readonly seriesDays: RenderedDayMemory;
  /** The OpenADR subscription callbacks' echo check (the webhook transport). */
  readonly callbackVerifier: CallbackVerifier;
  /** Spends each authenticated request's rate-limit token; omitted: no limits. */
  readonly admission?: PrincipalAdmission;
  /** The mailer for e-mail channels' codes (none: no e-mail channels) and the webhook URL rules; omitted: neither. */
  readonly notifications?: { readonly mailer: Mailer | null; readonly urlPolicy: WebhookUrlPolicy };
}

/**
 * The runtime objects every context module may inject (event store, read-model database, clock, …), provided once
 * and globally: a context module lists only its own controllers, handlers and adapters.
 */
@Global()
@Module({})
export class RuntimeModule {
  static with(runtime: AppRuntime): DynamicModule {
    const providers: Provider[] = [
      { provide: EVENT_STORE, useValue: runtime.storage.eventStore },
      { provide: READ_MODEL_DB, useValue: runtime.storage.readModels },
      { provide: CLOCK, useValue: systemClock },
      { provide: PROJECTION_SUPERVISOR, useValue: runtime.projections },
      { provide: REPLAY_JOBS, useValue: runtime.replays },
      { provide: METRICS_REGISTRY, useValue: runtime.metrics },
      { provide: ADMIN_TOKEN, useValue: runtime.adminToken },
      { provide: KEY_VAULT, useValue: runtime.keyVault },
      { provide: SERIES_DAY_MEMORY, useValue: runtime.seriesDays },
      { provide: ACTUATOR_DISPATCH, useValue: runtime.actuatorDispatch },
      { provide: NETWORK_LINK, useValue: runtime.networkLink },
      { provide: NETWORK_CONFIGURATION_SENDING, useValue: runtime.networkConfigurationSending },
      { provide: CALLBACK_VERIFIER, useValue: runtime.callbackVerifier },
      { provide: MAILER, useValue: runtime.notifications?.mailer ?? null },
      {
        provide: WEBHOOK_URL_POLICY,
        useValue: runtime.notifications?.urlPolicy ?? new TransportWebhookUrlPolicy(new Set()),
      },
      { provide: PRINCIPAL_ADMISSION, useValue: runtime.admission ?? ADMIT_EVERY_REQUEST },
      ...runtime.access.providers,
    ];
    return { module: RuntimeModule, providers, exports: providers.map(tokenOf) };
  }
}

function tokenOf(provider: Provider): NonNullable<DynamicModule['exports']>[number] {
  return typeof provider === 'function' ? provider : provider.provide;
}
