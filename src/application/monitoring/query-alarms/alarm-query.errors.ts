/** Base of the alarm queries' typed errors; interfaces map `code` to a transport status. */
export abstract class AlarmQueryError extends Error {
  abstract readonly code: 'invalid_query';
}

/** A window that ends before it starts. */
export class InvalidAlarmQueryError extends AlarmQueryError {
  override readonly name = 'InvalidAlarmQueryError';
  readonly code = 'invalid_query' as const;
}
