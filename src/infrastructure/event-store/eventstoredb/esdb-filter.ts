import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { AllFilter } from '../../../application/ports/event-store.port.js';

export interface FilterPlan {
  /** What the server can filter (subscriptions only: client 6.2.1 sends no filter on readAll). */
  readonly server: Filter;
  /** The full filter, applied to every event the server sends, system events excluded. */
  accepts(event: { readonly type: string; readonly streamId: string }): boolean;
}

export function isSystemEventType(type: string): boolean {
  return type.startsWith('$');
}

/** FNV-1a of the stream name's UTF-16 units, modulo `count`: the partition of a stream on EventStoreDB. */
export function streamPartitionOf(stream: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < stream.length; i++) hash = Math.imul(hash ^ stream.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/**
 * The characters .NET's Regex.Escape escapes (the server evaluates filters with .NET regexes). Each escaped form is
 * also a valid escape in a JavaScript regex without the `u` flag, so the pattern means the same on both sides.
 */
export function escapeDotNetRegex(literal: string): string {
  return literal.replace(/[\\*+?|{[()^$.# ]/g, (c) => `\\${c}`);
}

/** Exact event type names as one anchored alternation. */
export function exactTypesRegex(types: readonly string[]): string {
  return `^(?:${types.map(escapeDotNetRegex).join('|')})$`;
}

/**
 * The server takes one filter per subscription: stream prefixes when given (a stream family is usually the narrower
 * cut), else the exact types as an anchored regex, else just "no system events". `accepts` re-applies the whole
 * filter to what arrives, so whatever the server could not filter is filtered here.
 */
export function planFilter(filter: AllFilter | undefined): FilterPlan {
  const types = filter?.types ? new Set(filter.types) : undefined;
  const prefixes = filter?.streamPrefixes;
  const partition = filter?.partition;
  let server: Filter;
  if (prefixes && prefixes.length > 0) server = streamNameFilter({ prefixes: [...prefixes] });
  else if (filter?.types && filter.types.length > 0) server = eventTypeFilter({ regex: exactTypesRegex(filter.types) });
  else server = excludeSystemEvents();
  return {
    server,
    accepts: (event) =>
      !isSystemEventType(event.type) &&
      (!types || types.has(event.type)) &&
      (!prefixes || prefixes.some((prefix) => event.streamId.startsWith(prefix))) &&
      (!partition || streamPartitionOf(event.streamId, partition.count) === partition.index),
  };
}
