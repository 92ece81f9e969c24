import createClient from 'openapi-fetch';
import { authorizedFetch } from '../lib/auth';
import type { components, paths } from './schema';

/** Typed calls to the API; every request carries the in-memory access token. */
export const api = createClient<paths>({
  baseUrl: '',
  fetch: (request: Request) => authorizedFetch(request),
  querySerializer: { array: { style: 'form', explode: true } },
});

export type Schemas = components['schemas'];
export type Sensor = Schemas['SensorViewDto'];
export type Reading = Schemas['CanonicalReadingDto'];
export type Alarm = Schemas['AlarmDto'];
export type ActuatorCommand = Schemas['ActuatorCommandDto'];
