import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvalidMarketInputError, MarketObjectNotFoundError } from '../../../domain/market/market.errors.js';
import { localIso, ownerWindow, participantTimeline } from '../../../domain/market/owner-signals.js';
import { costPerBucket, type EnergyBucket } from '../../../domain/market/signal-segments/cost-per-bucket.js';
import { ObjectNotVisibleError } from '../../access/access.errors.js';
import {
  QueryReadingSeries,
  type CounterBucketPoint,
  type ReadingSeries,
} from '../../metering/query-readings/reading-series/query-reading-series.query.js';
import { bucketWidthMs } from '../../metering/readings-read-model/reading-buckets.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { marketOwnerOf } from '../owner-caller.js';
import { enrolledProgramSignals, ownerEnrollmentRefs } from '../query-owner-signals/enrolled-signals.sql.js';
import { QueryOwnerCosts, type CostBucketView, type MeterCost, type OwnerCosts } from './owner-costs.query.js';

/** Energy counters whose bucket delta is kWh (canonical units: metering/canonical-reading.ts). */
const ENERGY_QUANTITIES: readonly string[] = ['energyImported', 'energyExported'];

/**
 * Cost per bucket = the bucket's energy (the readings read model's counter delta, by measurement time) × the price of
 * the segment covering it (costPerBucket), never the price when a reading arrived. The prices are the program's as
 * they concern the owner's ven; the program must be one the owner is or was enrolled in. Reading the meters goes
 * through the readings query, so its access rules and the data-access log apply unchanged.
 */
@QueryHandler(QueryOwnerCosts)
export class QueryOwnerCostsHandler implements IQueryHandler<QueryOwnerCosts, OwnerCosts> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    private readonly queries: QueryBus,
  ) {}

  async execute({ principal, request }: QueryOwnerCosts): Promise<OwnerCosts> {
    const ownerId = marketOwnerOf(principal);
    const window = ownerWindow(request.from, request.to, request.timeZone);
    const [ref] = ownerId === null ? [] : await ownerEnrollmentRefs(this.db, ownerId, request.programId, true);
    if (!ref) throw new MarketObjectNotFoundError('program', request.programId);
    const width = bucketWidthMs(request.bucket);
    if (window.from % width !== 0 || window.to % width !== 0)
      throw new InvalidMarketInputError('range', [`from and to must fall on ${request.bucket} bucket boundaries`]);
    const program = await enrolledProgramSignals(this.db, ref, new Date(window.from).toISOString());
    const prices = participantTimeline(program, window, request.timeZone).filter(
      (s) => s.payloadType === request.payloadType,
    );
    const series: ReadingSeries = await this.queries.execute(
      new QueryReadingSeries(principal, {
        sensorIds: request.sensorIds,
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
        bucket: request.bucket,
      }),
    );
    const [missing] = series.missing;
    if (missing !== undefined) throw new ObjectNotVisibleError('sensor', missing);
    const meters: MeterCost[] = [];
    for (const sensor of series.sensors) {
      if (!ENERGY_QUANTITIES.includes(sensor.quantity))
        throw new InvalidMarketInputError('meter', [
          `sensor ${sensor.sensorId} measures ${sensor.quantity}; costs need an energy counter (${ENERGY_QUANTITIES.join(', ')})`,
        ]);
      const energy: EnergyBucket[] = [];
      for await (const page of series.pages(sensor)) {
        for (const point of page as readonly CounterBucketPoint[]) {
          if (point.delta === null) continue;
          const start = Date.parse(point.t);
          energy.push({ start, end: start + width, energyWh: point.delta * 1000 });
        }
      }
      const costs = costPerBucket(energy, prices);
      meters.push(this.meter(sensor.sensorId, sensor.quantity, window, width, costs, request.timeZone));
    }
    return {
      programId: request.programId,
      payloadType: request.payloadType,
      bucket: request.bucket,
      from: localIso(window.from, request.timeZone),
      to: localIso(window.to, request.timeZone),
      timeZone: request.timeZone,
      meters,
    };
  }

  /** Every bucket of the range, measured or not, so a gap shows as one rather than vanishing from the total. */
  private meter(
    sensorId: string,
    quantity: string,
    window: { from: number; to: number },
    width: number,
    costs: ReturnType<typeof costPerBucket>,
    timeZone: string,
  ): MeterCost {
    const byStart = new Map(costs.map((c) => [c.start, c]));
    const buckets: CostBucketView[] = [];
    let total = 0;
    let currency: string | null = null;
    let complete = true;
    for (let start = window.from; start < window.to; start += width) {
      const c = byStart.get(start);
      const view: CostBucketView = c
        ? { start: '', end: '', energyKWh: c.energyWh / 1000, cost: c.cost, currency: c.currency, reason: c.reason }
        : { start: '', end: '', energyKWh: null, cost: null, currency: null, reason: 'unmeasured' };
      buckets.push({ ...view, start: localIso(start, timeZone), end: localIso(start + width, timeZone) });
      if (view.cost === null) complete = false;
      else {
        total += view.cost;
        currency ??= view.currency;
      }
    }
    return { sensorId, quantity, buckets, total: { cost: total, currency, complete } };
  }
}
