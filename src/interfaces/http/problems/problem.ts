/** Media type of every error answer (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** One failed constraint of a request field: `location.lat` / `max` / "lat must not be greater than 90". */
export interface FieldViolation {
  readonly field: string;
  readonly constraint: string;
  readonly message: string;
}

/**
 * The one error body the API answers with (RFC 9457). `type` names the kind of problem (`about:blank` when the
 * status says it all); `detail` is safe to show to the caller and never carries internals.
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly errors?: readonly FieldViolation[];
  /** Present when `errors` lists only the first violations: how many there were in all. */
  readonly errorCount?: number;
}

/** Problem types beyond the plain status; documented in docs/http-api.md. */
export const PROBLEM_TYPES = {
  validation: 'urn:wattlog:problem:validation-failed',
  conflict: 'urn:wattlog:problem:conflict',
  concurrentChange: 'urn:wattlog:problem:concurrent-change',
  rateLimited: 'urn:wattlog:problem:rate-limited',
  inputLimit: 'urn:wattlog:problem:input-limit',
  gatewayOffline: 'urn:wattlog:problem:gateway-offline',
  gatewayTimeout: 'urn:wattlog:problem:gateway-timeout',
  gatewayRefused: 'urn:wattlog:problem:gateway-refused',
  unavailable: 'urn:wattlog:problem:unavailable',
  internal: 'urn:wattlog:problem:internal-error',
} as const;

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/** Raised by code in the interfaces layer that wants to answer a specific problem (e.g. the rate limiter). */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly status: number,
    detail: string,
    readonly type: string = 'about:blank',
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
  }
}

/** Request input that failed its DTO's constraints; answered as 400 with one entry per violated constraint. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  constructor(readonly violations: readonly FieldViolation[]) {
    super(
      violations
        .slice(0, 10)
        .map((v) => v.message)
        .join('; ') + (violations.length > 10 ? `; and ${violations.length - 10} more` : ''),
    );
  }
}
