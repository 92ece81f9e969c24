import { ServerEndpoints, type ResolveHost } from './server-endpoints.js';

const hosts: Record<string, string[]> = {
  'wattlog.example.org': ['192.0.2.1', '192.0.2.2', '192.0.2.1'],
  'spare.example.org': ['192.0.2.9'],
};
const resolve: ResolveHost = (host) =>
  hosts[host] ? Promise.resolve(hosts[host]) : Promise.reject(new Error(`ENOTFOUND ${host}`));

async function targets(endpoints: ServerEndpoints, count: number): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    const t = await endpoints.next();
    out.push(t && `${t.address}:${t.port}`);
  }
  return out;
}

describe('server endpoints', () => {
  it('dials every address of every endpoint in order, then ends the round, then starts again', async () => {
    const endpoints = new ServerEndpoints(
      [
        { host: 'wattlog.example.org', port: 7700 },
        { host: '198.51.100.7', port: 7701 },
        { host: 'spare.example.org', port: 7700 },
      ],
      (host) => (host === '198.51.100.7' ? Promise.resolve([host]) : resolve(host)),
    );
    expect(await targets(endpoints, 6)).toEqual([
      '192.0.2.1:7700',
      '192.0.2.2:7700',
      '198.51.100.7:7701',
      '192.0.2.9:7700',
      null,
      '192.0.2.1:7700',
    ]);
  });

  it('skips a name that does not resolve, and ends a round at once when none does', async () => {
    const failed: string[] = [];
    const some = new ServerEndpoints(
      [
        { host: 'gone.example.org', port: 7700 },
        { host: 'spare.example.org', port: 7700 },
      ],
      resolve,
      (endpoint) => failed.push(endpoint),
    );
    expect(await targets(some, 3)).toEqual(['192.0.2.9:7700', null, '192.0.2.9:7700']);
    expect(failed).toEqual(['gone.example.org:7700', 'gone.example.org:7700']);

    const none = new ServerEndpoints([{ host: 'gone.example.org', port: 7700 }], resolve);
    expect(await targets(none, 2)).toEqual([null, null]);
  });

  it('resolves names again each round, so a changed DNS answer is followed', async () => {
    let answer = ['192.0.2.1'];
    const endpoints = new ServerEndpoints([{ host: 'wattlog.example.org', port: 7700 }], () => Promise.resolve(answer));
    expect(await targets(endpoints, 2)).toEqual(['192.0.2.1:7700', null]);
    answer = ['192.0.2.5', '192.0.2.6'];
    expect(await targets(endpoints, 2)).toEqual(['192.0.2.5:7700', '192.0.2.6:7700']);
  });

  it('refuses an empty list', () => {
    expect(() => new ServerEndpoints([])).toThrow('at least one server endpoint');
  });
});
