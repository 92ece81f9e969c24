/*
 * What the server's requests to devices share: a node's configuration, a gateway's network, an actuator command.
 * Each is asked for with a timeout, sent when the device can be reached, and ends once, in an answer or an expiry;
 * a step that comes after the end (a second answer, an expiry after the outcome) decides nothing.
 */

export interface TimeoutLimits {
  readonly minSeconds: number;
  readonly maxSeconds: number;
  readonly defaultSeconds: number;
}

/** A configuration request's statuses; an actuator command names its own (dispatched, acknowledged, failed). */
export type RequestStatus = 'requested' | 'sent' | 'applied' | 'rejected' | 'timed_out';

const FINISHED: ReadonlySet<RequestStatus> = new Set(['applied', 'rejected', 'timed_out']);

/** The longest free text (a reason, a device's answer) a request keeps. */
export const DETAIL_MAX = 500;

export function timeoutProblems(timeoutSeconds: number, { minSeconds, maxSeconds }: TimeoutLimits): string[] {
  const valid = Number.isInteger(timeoutSeconds) && timeoutSeconds >= minSeconds && timeoutSeconds <= maxSeconds;
  return valid ? [] : [`timeoutSeconds must be an integer from ${minSeconds} to ${maxSeconds}`];
}

export function expiryOf(requestedAt: string, timeoutSeconds: number): string {
  return new Date(Date.parse(requestedAt) + timeoutSeconds * 1000).toISOString();
}

/** An expiry ends a request at or after the instant it expires, never before. */
export function isDue(expiresAt: string, at: string): boolean {
  return at >= expiresAt;
}

/** The state with one request patched; unchanged when no request has that id. */
export function withRequest<S extends { readonly requests: Readonly<Record<string, object>> }>(
  state: S,
  requestId: string,
  patch: Partial<S['requests'][string]>,
): S {
  const request = state.requests[requestId];
  return request ? { ...state, requests: { ...state.requests, [requestId]: { ...request, ...patch } } } : state;
}

/** The request a step names while it waits, null once it has ended; an id nobody requested is the caller's error. */
export function openRequest<R extends { readonly status: RequestStatus }>(
  requests: Readonly<Record<string, R>>,
  requestId: string,
  unknown: (requestId: string) => Error,
): R | null {
  const request = requests[requestId];
  if (!request) throw unknown(requestId);
  return FINISHED.has(request.status) ? null : request;
}
