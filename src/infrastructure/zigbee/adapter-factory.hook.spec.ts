import { Adapter } from 'zigbee-herdsman/dist/adapter/adapter.js';
import { withAdapterFactory } from './adapter-factory.hook.js';

type CreateArgs = Parameters<typeof Adapter.create>;

describe('withAdapterFactory', () => {
  const args: CreateArgs = [{ panID: 1, channelList: [11] }, { path: 'virtual' }, 'backup.json', { disableLED: false }];
  const fake = {} as Adapter;

  it('answers the first Adapter.create inside run with the factory, then restores the original', async () => {
    const original = Adapter.create;
    const seen: CreateArgs[] = [];
    const created = await withAdapterFactory(
      async (...given) => {
        seen.push(given);
        return Promise.resolve(fake);
      },
      async () => {
        const first = await Adapter.create(...args);
        // Once answered, a second controller would get herdsman's own factory again.
        expect(Adapter.create).toBe(original);
        return first;
      },
    );
    expect(created).toBe(fake);
    expect(seen).toEqual([args]);
    expect(Adapter.create).toBe(original);
  });

  it('restores the original when run fails before creating an adapter', async () => {
    const original = Adapter.create;
    await expect(
      withAdapterFactory(
        async () => Promise.resolve(fake),
        async () => Promise.reject(new Error('start failed')),
      ),
    ).rejects.toThrow('start failed');
    expect(Adapter.create).toBe(original);
  });

  it('refuses a second start while one is in progress', async () => {
    await withAdapterFactory(
      async () => Promise.resolve(fake),
      async () => {
        await expect(
          withAdapterFactory(
            async () => Promise.resolve(fake),
            async () => Promise.resolve(),
          ),
        ).rejects.toThrow('another ZigBee controller');
      },
    );
  });
});
