import { InvalidMarketInputError } from './market.errors.js';
import { parseDuration } from './openadr-duration.js';

/**
 * The client-provided parts of OpenADR 3.1.0 objects (`programRequest`, `eventRequest`, `subscriptionRequest` in
 * `openadr3.yaml`), checked against the spec's schema plus Wattlog's size limits, and normalised: a property sent
 * as `null` means the spec's default (null) and is left out, unknown properties are dropped, and the VTN-provisioned
 * `id`, `createdDateTime`, `modificationDateTime` and `objectType` are never taken from the client.
 */
export interface IntervalPeriod {
  readonly start?: string;
  readonly duration?: string;
  readonly randomizeStart?: string;
}

export type PayloadValue = number | string | boolean | { readonly x: number; readonly y: number };

export interface ValuesMap {
  readonly type: string;
  readonly values: readonly PayloadValue[];
}

export interface Interval {
  readonly id: number;
  readonly intervalPeriod?: IntervalPeriod;
  readonly payloads: readonly ValuesMap[];
}

export interface EventPayloadDescriptor {
  readonly objectType: 'EVENT_PAYLOAD_DESCRIPTOR';
  readonly payloadType: string;
  readonly units?: string;
  readonly currency?: string;
}

export interface ReportPayloadDescriptor {
  readonly objectType: 'REPORT_PAYLOAD_DESCRIPTOR';
  readonly payloadType: string;
  readonly readingType?: string;
  readonly units?: string;
  readonly accuracy?: number;
  readonly confidence?: number;
}

export interface ReportDescriptor {
  readonly payloadType: string;
  readonly readingType?: string;
  readonly units?: string;
  readonly targets?: readonly string[];
  readonly aggregate?: boolean;
  readonly startInterval?: number;
  readonly numIntervals?: number;
  readonly historical?: boolean;
  readonly frequency?: number;
  readonly repeat?: number;
  readonly reportIntervals?: 'INTERVALS' | 'SUB_INTERVALS' | 'OPEN_INTERVALS';
}

export interface ProgramContent {
  readonly programName: string;
  readonly intervalPeriod?: IntervalPeriod;
  readonly programDescriptions?: readonly { readonly URL: string }[];
  readonly payloadDescriptors?: readonly (EventPayloadDescriptor | ReportPayloadDescriptor)[];
  readonly attributes?: readonly ValuesMap[];
  readonly targets?: readonly string[];
}

/** An OpenADR `event`: the code calls it a grid signal so it never reads as a domain event. */
export interface GridSignalContent {
  readonly programID: string;
  readonly eventName?: string;
  readonly duration?: string;
  readonly priority?: number;
  readonly targets?: readonly string[];
  readonly reportDescriptors?: readonly ReportDescriptor[];
  readonly payloadDescriptors?: readonly EventPayloadDescriptor[];
  readonly intervalPeriod?: IntervalPeriod;
  readonly intervals?: readonly Interval[];
}

export const OBJECT_TYPES = ['PROGRAM', 'EVENT', 'REPORT', 'SUBSCRIPTION', 'VEN', 'RESOURCE'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];
export const OPERATIONS = ['READ', 'CREATE', 'UPDATE', 'DELETE'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface ObjectOperation {
  readonly objects: readonly ObjectType[];
  readonly operations: readonly Operation[];
  readonly callbackUrl: string;
  readonly bearerToken?: string;
}

export interface SubscriptionContent {
  readonly clientName: string;
  readonly programID?: string;
  readonly objectOperations: readonly ObjectOperation[];
  readonly targets?: readonly string[];
}

/** Wattlog's bounds on what one object may hold (the spec sets none); documented in docs/openadr.md. */
export const MARKET_LIMITS = {
  intervals: 1000,
  payloadsPerInterval: 50,
  valuesPerPayload: 1000,
  listItems: 100,
  objectOperations: 20,
  textMax: 128,
  longTextMax: 1000,
  urlMax: 8000,
} as const;

export const OBJECT_ID = /^[a-zA-Z0-9_-]{1,128}$/;
// RFC 3339 date-time (the schema's `format: date-time`), with the spec's "beginning of time" spelled as a date alone.
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const BEGINNING_OF_TIME = /^0001-01-01(T00:00:00)?$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

type Json = Record<string, unknown>;

/** Collects every problem of a request body with its JSON path, so one 400 says all that is wrong. */
class Reader {
  readonly problems: string[] = [];

  fail(path: string, message: string): undefined {
    if (this.problems.length < 50) this.problems.push(`${path} ${message}`);
    return undefined;
  }

  object(value: unknown, path: string): Json | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return this.fail(path, 'must be an object');
    return value as Json;
  }

  present(value: unknown): boolean {
    return value !== undefined && value !== null;
  }

  text(value: unknown, path: string, max: number, pattern?: RegExp): string | undefined {
    if (typeof value !== 'string') return this.fail(path, 'must be a string');
    if (value.length < 1 || value.length > max) return this.fail(path, `must be 1 to ${max} characters`);
    if (pattern && !pattern.test(value)) return this.fail(path, `must match ${pattern.source}`);
    return value;
  }

  optionalText(value: unknown, path: string, max: number): string | undefined {
    return this.present(value) ? this.text(value, path, max) : undefined;
  }

  integer(value: unknown, path: string, min = INT32_MIN, max = INT32_MAX): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      return this.fail(path, `must be an integer from ${min} to ${max}`);
    return value;
  }

  list<T>(value: unknown, path: string, max: number, item: (v: unknown, p: string) => T | undefined): T[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, 'must be an array');
    if (value.length > max) return this.fail(path, `must have at most ${max} items, has ${value.length}`);
    const out: T[] = [];
    for (const [i, v] of value.entries()) {
      const parsed = item(v, `${path}[${i}]`);
      if (parsed !== undefined) out.push(parsed);
    }
    return out;
  }

  optionalList<T>(
    value: unknown,
    path: string,
    max: number,
    item: (v: unknown, p: string) => T | undefined,
  ): T[] | undefined {
    return this.present(value) ? this.list(value, path, max, item) : undefined;
  }

  duration(value: unknown, path: string): string | undefined {
    if (typeof value !== 'string' || parseDuration(value) === undefined)
      return this.fail(path, 'must be an ISO 8601 duration such as PT1H, P1D or P9999Y');
    return value;
  }

  dateTime(value: unknown, path: string): string | undefined {
    if (typeof value !== 'string' || !(DATE_TIME.test(value) || BEGINNING_OF_TIME.test(value)))
      return this.fail(path, 'must be an RFC 3339 date-time such as 2026-12-07T00:00:00Z');
    if (DATE_TIME.test(value) && Number.isNaN(Date.parse(value))) return this.fail(path, 'is not a calendar date');
    return value;
  }

  url(value: unknown, path: string): string | undefined {
    const text = this.text(value, path, MARKET_LIMITS.urlMax);
    if (text === undefined) return undefined;
    if (text.length < 2 || !/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(text))
      return this.fail(path, 'must be an absolute URI');
    return text;
  }
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function intervalPeriod(r: Reader, value: unknown, path: string): IntervalPeriod | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  return compact({
    start: r.present(o.start) ? r.dateTime(o.start, `${path}.start`) : undefined,
    duration: r.present(o.duration) ? r.duration(o.duration, `${path}.duration`) : undefined,
    randomizeStart: r.present(o.randomizeStart) ? r.duration(o.randomizeStart, `${path}.randomizeStart`) : undefined,
  });
}

function payloadValue(r: Reader, value: unknown, path: string): PayloadValue | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : r.fail(path, 'must be a finite number');
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string')
    return value.length <= MARKET_LIMITS.longTextMax
      ? value
      : r.fail(path, `must be at most ${MARKET_LIMITS.longTextMax} characters`);
  const point = r.object(value, path);
  if (!point) return undefined;
  if (typeof point.x !== 'number' || typeof point.y !== 'number')
    return r.fail(path, 'must be a number, string, boolean or a point {x, y}');
  return { x: point.x, y: point.y };
}

function valuesMap(r: Reader, value: unknown, path: string): ValuesMap | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  const type = r.text(o.type, `${path}.type`, MARKET_LIMITS.textMax);
  const values = r.list(o.values, `${path}.values`, MARKET_LIMITS.valuesPerPayload, (v, p) => payloadValue(r, v, p));
  return type === undefined || values === undefined ? undefined : { type, values };
}

function target(r: Reader, value: unknown, path: string): string | undefined {
  return r.text(value, path, MARKET_LIMITS.textMax);
}

function targets(r: Reader, value: unknown, path: string): string[] | undefined {
  return r.optionalList(value, path, MARKET_LIMITS.listItems, (v, p) => target(r, v, p));
}

function eventPayloadDescriptor(r: Reader, value: unknown, path: string): EventPayloadDescriptor | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  if (o.objectType !== 'EVENT_PAYLOAD_DESCRIPTOR')
    return r.fail(`${path}.objectType`, 'must be EVENT_PAYLOAD_DESCRIPTOR');
  const payloadType = r.text(o.payloadType, `${path}.payloadType`, MARKET_LIMITS.textMax);
  if (payloadType === undefined) return undefined;
  return compact({
    objectType: 'EVENT_PAYLOAD_DESCRIPTOR' as const,
    payloadType,
    units: r.optionalText(o.units, `${path}.units`, MARKET_LIMITS.textMax),
    currency: r.optionalText(o.currency, `${path}.currency`, MARKET_LIMITS.textMax),
  });
}

function reportPayloadDescriptor(r: Reader, o: Json, path: string): ReportPayloadDescriptor | undefined {
  const payloadType = r.text(o.payloadType, `${path}.payloadType`, MARKET_LIMITS.textMax);
  if (payloadType === undefined) return undefined;
  let accuracy: number | undefined;
  if (r.present(o.accuracy)) {
    if (typeof o.accuracy === 'number' && Number.isFinite(o.accuracy)) accuracy = o.accuracy;
    else r.fail(`${path}.accuracy`, 'must be a number');
  }
  return compact({
    objectType: 'REPORT_PAYLOAD_DESCRIPTOR' as const,
    payloadType,
    readingType: r.optionalText(o.readingType, `${path}.readingType`, MARKET_LIMITS.textMax),
    units: r.optionalText(o.units, `${path}.units`, MARKET_LIMITS.textMax),
    accuracy,
    confidence: r.present(o.confidence) ? r.integer(o.confidence, `${path}.confidence`, 0, 100) : undefined,
  });
}

function anyPayloadDescriptor(
  r: Reader,
  value: unknown,
  path: string,
): EventPayloadDescriptor | ReportPayloadDescriptor | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  if (o.objectType === 'REPORT_PAYLOAD_DESCRIPTOR') return reportPayloadDescriptor(r, o, path);
  if (o.objectType === 'EVENT_PAYLOAD_DESCRIPTOR') return eventPayloadDescriptor(r, o, path);
  return r.fail(`${path}.objectType`, 'must be EVENT_PAYLOAD_DESCRIPTOR or REPORT_PAYLOAD_DESCRIPTOR');
}

const REPORT_INTERVALS = ['INTERVALS', 'SUB_INTERVALS', 'OPEN_INTERVALS'] as const;

function reportDescriptor(r: Reader, value: unknown, path: string): ReportDescriptor | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  const payloadType = r.text(o.payloadType, `${path}.payloadType`, MARKET_LIMITS.textMax);
  if (payloadType === undefined) return undefined;
  const bool = (name: string): boolean | undefined => {
    const v = o[name];
    if (!r.present(v)) return undefined;
    return typeof v === 'boolean' ? v : r.fail(`${path}.${name}`, 'must be true or false');
  };
  const int = (name: string): number | undefined =>
    r.present(o[name]) ? r.integer(o[name], `${path}.${name}`) : undefined;
  let reportIntervals: ReportDescriptor['reportIntervals'];
  if (r.present(o.reportIntervals)) {
    if ((REPORT_INTERVALS as readonly unknown[]).includes(o.reportIntervals))
      reportIntervals = o.reportIntervals as ReportDescriptor['reportIntervals'];
    else r.fail(`${path}.reportIntervals`, `must be one of ${REPORT_INTERVALS.join(', ')}`);
  }
  return compact({
    payloadType,
    readingType: r.optionalText(o.readingType, `${path}.readingType`, MARKET_LIMITS.textMax),
    units: r.optionalText(o.units, `${path}.units`, MARKET_LIMITS.textMax),
    targets: targets(r, o.targets, `${path}.targets`),
    aggregate: bool('aggregate'),
    startInterval: int('startInterval'),
    numIntervals: int('numIntervals'),
    historical: bool('historical'),
    frequency: int('frequency'),
    repeat: int('repeat'),
    reportIntervals,
  });
}

function interval(r: Reader, value: unknown, path: string): Interval | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  const id = r.integer(o.id, `${path}.id`);
  const period = r.present(o.intervalPeriod)
    ? intervalPeriod(r, o.intervalPeriod, `${path}.intervalPeriod`)
    : undefined;
  const payloads = r.list(o.payloads, `${path}.payloads`, MARKET_LIMITS.payloadsPerInterval, (v, p) =>
    valuesMap(r, v, p),
  );
  if (id === undefined || payloads === undefined) return undefined;
  return compact({ id, intervalPeriod: period, payloads });
}

function finish<T>(r: Reader, what: string, value: T | undefined): T {
  if (r.problems.length > 0 || value === undefined) throw new InvalidMarketInputError(what, r.problems);
  return value;
}

export function programContent(body: unknown): ProgramContent {
  const r = new Reader();
  const o = r.object(body, 'body');
  if (!o) return finish<ProgramContent>(r, 'program', undefined);
  const programName = r.text(o.programName, 'programName', MARKET_LIMITS.textMax);
  const content = compact({
    programName: programName ?? '',
    intervalPeriod: r.present(o.intervalPeriod) ? intervalPeriod(r, o.intervalPeriod, 'intervalPeriod') : undefined,
    programDescriptions: r.optionalList(
      o.programDescriptions,
      'programDescriptions',
      MARKET_LIMITS.listItems,
      (v, p) => {
        const d = r.object(v, p);
        const url = d ? r.url(d.URL, `${p}.URL`) : undefined;
        return url === undefined ? undefined : { URL: url };
      },
    ),
    payloadDescriptors: r.optionalList(o.payloadDescriptors, 'payloadDescriptors', MARKET_LIMITS.listItems, (v, p) =>
      anyPayloadDescriptor(r, v, p),
    ),
    attributes: r.optionalList(o.attributes, 'attributes', MARKET_LIMITS.listItems, (v, p) => valuesMap(r, v, p)),
    targets: targets(r, o.targets, 'targets'),
  });
  return finish(r, 'program', content);
}

export function gridSignalContent(body: unknown): GridSignalContent {
  const r = new Reader();
  const o = r.object(body, 'body');
  if (!o) return finish<GridSignalContent>(r, 'event', undefined);
  const programID = r.text(o.programID, 'programID', 128, OBJECT_ID);
  const content = compact({
    programID: programID ?? '',
    eventName: r.optionalText(o.eventName, 'eventName', MARKET_LIMITS.textMax),
    duration: r.present(o.duration) ? r.duration(o.duration, 'duration') : undefined,
    priority: r.present(o.priority) ? r.integer(o.priority, 'priority', 0) : undefined,
    targets: targets(r, o.targets, 'targets'),
    reportDescriptors: r.optionalList(o.reportDescriptors, 'reportDescriptors', MARKET_LIMITS.listItems, (v, p) =>
      reportDescriptor(r, v, p),
    ),
    payloadDescriptors: r.optionalList(o.payloadDescriptors, 'payloadDescriptors', MARKET_LIMITS.listItems, (v, p) =>
      eventPayloadDescriptor(r, v, p),
    ),
    intervalPeriod: r.present(o.intervalPeriod) ? intervalPeriod(r, o.intervalPeriod, 'intervalPeriod') : undefined,
    intervals: r.optionalList(o.intervals, 'intervals', MARKET_LIMITS.intervals, (v, p) => interval(r, v, p)),
  });
  return finish(r, 'event', content);
}

export function subscriptionContent(body: unknown): SubscriptionContent {
  const r = new Reader();
  const o = r.object(body, 'body');
  if (!o) return finish<SubscriptionContent>(r, 'subscription', undefined);
  const clientName = r.text(o.clientName, 'clientName', MARKET_LIMITS.textMax);
  const objectOperations = r.list(o.objectOperations, 'objectOperations', MARKET_LIMITS.objectOperations, (v, p) => {
    const op = r.object(v, p);
    if (!op) return undefined;
    const objects = r.list(op.objects, `${p}.objects`, OBJECT_TYPES.length, (x, q) =>
      (OBJECT_TYPES as readonly unknown[]).includes(x)
        ? (x as ObjectType)
        : r.fail(q, `must be one of ${OBJECT_TYPES.join(', ')}`),
    );
    const operations = r.list(op.operations, `${p}.operations`, OPERATIONS.length, (x, q) =>
      (OPERATIONS as readonly unknown[]).includes(x)
        ? (x as Operation)
        : r.fail(q, `must be one of ${OPERATIONS.join(', ')}`),
    );
    const callbackUrl = r.url(op.callbackUrl, `${p}.callbackUrl`);
    const bearerToken = r.optionalText(op.bearerToken, `${p}.bearerToken`, MARKET_LIMITS.longTextMax);
    if (objects === undefined || operations === undefined || callbackUrl === undefined) return undefined;
    return compact({ objects, operations, callbackUrl, bearerToken });
  });
  const content = compact({
    clientName: clientName ?? '',
    programID: r.present(o.programID) ? r.text(o.programID, 'programID', 128, OBJECT_ID) : undefined,
    objectOperations: objectOperations ?? [],
    targets: targets(r, o.targets, 'targets'),
  });
  return finish(r, 'subscription', content);
}

/** A start of "0001-01-01" means "now" (User Guide 7.1); with a duration of PT0S the event is withdrawn. */
export function isZeroedGridSignal(content: GridSignalContent): boolean {
  const period = content.intervalPeriod;
  return (
    period?.start !== undefined &&
    BEGINNING_OF_TIME.test(period.start.replace(/Z$/, '')) &&
    period.duration !== undefined &&
    isZeroDuration(period.duration)
  );
}

function isZeroDuration(text: string): boolean {
  const d = parseDuration(text);
  return d !== undefined && d.years + d.months + d.days + d.hours + d.minutes + d.seconds === 0;
}
