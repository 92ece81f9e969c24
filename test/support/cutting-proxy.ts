import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP relay on 127.0.0.1 that a test can cut at any moment, like a flaky uplink or a restarted server socket. */
export class CuttingProxy {
  private readonly pairs = new Set<[Socket, Socket]>();
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static start(targetPort: number): Promise<CuttingProxy> {
    return new Promise((resolve) => {
      let proxy: CuttingProxy;
      const server = createServer((inbound) => {
        const outbound = connect({ host: '127.0.0.1', port: targetPort });
        const pair: [Socket, Socket] = [inbound, outbound];
        proxy.pairs.add(pair);
        const drop = (): void => {
          inbound.destroy();
          outbound.destroy();
          proxy.pairs.delete(pair);
        };
        inbound.on('error', drop).on('close', drop);
        outbound.on('error', drop).on('close', drop);
        inbound.pipe(outbound);
        outbound.pipe(inbound);
      });
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        proxy = new CuttingProxy(server, typeof address === 'object' && address ? address.port : 0);
        resolve(proxy);
      });
    });
  }

  get connections(): number {
    return this.pairs.size;
  }

  /** Destroys every relayed connection in both directions; new connections still get through. */
  cutAll(): number {
    const n = this.pairs.size;
    for (const [a, b] of [...this.pairs]) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
    return n;
  }

  close(): Promise<void> {
    this.cutAll();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
