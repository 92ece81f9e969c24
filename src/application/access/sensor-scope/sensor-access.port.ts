/**
 * `read`: raw and latest readings; `aggregate`: 15m/1h/1d buckets only; `command`: switch actuators.
 * `read` implies `aggregate`.
 */
export type AccessRight = 'read' | 'aggregate' | 'command';

/**
 * What a principal may read, as the access policy hands it to a query handler. Handlers narrow every query with it
 * (SQL for the read models, in memory for the live stream), so sensors outside it answer exactly like unknown ones.
 *
 * `principal` is evaluated inside the data query itself, as subqueries against the ownership, grant and visibility
 * tables: no extra round trip, and always the state of the moment the query runs.
 */
export type SensorScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'gateways'; readonly gatewayIds: readonly string[] }
  | { readonly kind: 'sensors'; readonly sensorIds: readonly string[] }
  | {
      readonly kind: 'principal';
      /** User id matched against gateway owners; null for API clients, which own nothing. */
      readonly ownerId: string | null;
      /** Actor id matched against grantees. */
      readonly grantee: string;
      readonly right: AccessRight;
      /** Request time: grants expiring at or before it no longer count. */
      readonly at: string;
      /** Sensors marked public_aggregate count too (bucket queries by any authenticated principal). */
      readonly publicAggregate: boolean;
    };
