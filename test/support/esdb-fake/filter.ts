import type { StoredEvent } from './fake-log.js';
import { streamsPb, type FilterOptions } from './proto.js';

export interface ServerFilter {
  matches(event: StoredEvent): boolean;
  /** Considered events between two checkpoint messages (subscriptions only). */
  readonly checkpointInterval: number;
}

// The server's search window when the request asks for `count` instead of `max`.
const DEFAULT_SEARCH_WINDOW = 32;

/** The server's reading of FilterOptions: a non-empty regex wins, otherwise the prefix list. */
export function parseFilter(options: FilterOptions): ServerFilter {
  const { FilterCase, WindowCase } = streamsPb.ReadReq.Options.FilterOptions;
  const onStream = options.getFilterCase() === FilterCase.STREAM_IDENTIFIER;
  const expression = onStream ? options.getStreamIdentifier() : options.getEventType();
  if (!expression) throw new RangeError('filter without an expression');
  const field = (event: StoredEvent): string => (onStream ? event.stream : event.type);

  const regex = expression.getRegex();
  const prefixes = expression.getPrefixList();
  // The server uses .NET Regex.IsMatch: unanchored, like RegExp#test. Patterns the tests use mean the same in both.
  const pattern = regex ? new RegExp(regex) : undefined;
  const matches = pattern
    ? (event: StoredEvent) => pattern.test(field(event))
    : (event: StoredEvent) => prefixes.some((prefix) => field(event).startsWith(prefix));

  const window = options.getWindowCase() === WindowCase.MAX ? options.getMax() : DEFAULT_SEARCH_WINDOW;
  const multiplier = options.getCheckpointintervalmultiplier();
  if (multiplier <= 0) throw new RangeError('checkpoint interval multiplier must be positive');
  return { matches, checkpointInterval: multiplier * window };
}
