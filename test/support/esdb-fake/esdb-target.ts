import { startEsdbFake, type EsdbFake, type EsdbFakeOptions } from './esdb-fake.js';

export interface EsdbTarget {
  readonly url: string;
  /** The fake when tests run against it; undefined against a real server (EVENTSTORE_URL). */
  readonly fake: EsdbFake | undefined;
  close(): Promise<void>;
}

/** A real EventStoreDB when EVENTSTORE_URL is set, else a fresh in-process fake. */
export async function esdbTarget(options: EsdbFakeOptions = {}): Promise<EsdbTarget> {
  const url = process.env.EVENTSTORE_URL;
  if (url) return { url, fake: undefined, close: async () => undefined };
  const fake = await startEsdbFake(options);
  return { url: fake.url, fake, close: () => fake.close() };
}
