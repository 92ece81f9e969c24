/**
 * Plain, serialisable event shapes shared by every bounded context.
 * Domain code builds these; the application layer adds ids and metadata when storing them.
 */
export interface DomainEvent<TType extends string = string, TData = Record<string, unknown>> {
  readonly type: TType;
  readonly data: TData;
}

export interface EventMetadata {
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly actorId?: string;
  readonly schemaVersion?: number;
  readonly [key: string]: unknown;
}
