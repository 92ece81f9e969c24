import pg from 'pg';

/**
 * One long-lived connection outside the query pool, opened on first use and opened again after it fails. Advisory
 * locks and LISTEN live on sessions: pinning a pooled client per held lock or per listener starved the pool once a
 * server ran a dozen projections and subscriptions.
 */
export class SessionClient {
  private client: Promise<pg.Client> | undefined;
  private generation = 0;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onNotification?: (message: pg.Notification) => void,
    private readonly onLost?: () => void,
  ) {}

  private queue: Promise<unknown> = Promise.resolve();

  get(): Promise<pg.Client> {
    this.client ??= this.open(++this.generation);
    return this.client;
  }

  /**
   * Work on the session, one piece at a time: projections ask for their locks all at once, and a pg client handed
   * a query while another runs queues it itself — deprecated, and refused from pg 9 on.
   */
  run<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => work(await this.get()));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.generation++;
    if (client) await (await client.catch(() => undefined))?.end().catch(() => undefined);
  }

  private async open(generation: number): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    const lost = (): void => {
      if (this.generation !== generation) return;
      this.generation++;
      this.client = undefined;
      this.onLost?.();
    };
    client.on('error', lost);
    client.on('end', lost);
    if (this.onNotification) client.on('notification', this.onNotification);
    try {
      await client.connect();
      return client;
    } catch (error) {
      lost();
      throw error;
    }
  }
}
