import { dirname, join } from 'node:path';
import type { Controller } from 'zigbee-herdsman';
import { Adapter } from 'zigbee-herdsman/dist/adapter/adapter.js';
import { withAdapterFactory } from './adapter-factory.hook.js';
import { VirtualCoordinatorAdapter } from './virtual-coordinator.adapter.js';
import type { ZigbeeSettings } from './zigbee-settings.js';

type ControllerOptions = ConstructorParameters<typeof Controller>[0];

/** herdsman's Controller options for the settings, forming the network on `channel`. */
export function controllerOptions(settings: ZigbeeSettings, channel: number): ControllerOptions {
  const { databasePath, serialPort, panId, networkKey } = settings;
  return {
    network: { panID: panId, channelList: [channel], networkKey: [...networkKey] },
    serialPort: serialPort ? { ...serialPort } : { path: 'virtual' },
    databasePath,
    databaseBackupPath: `${databasePath}.backup`,
    backupPath: join(dirname(databasePath), 'coordinator-backup.json'),
    adapter: { disableLED: false },
    acceptJoiningDeviceHandler: async () => Promise.resolve(true),
  };
}

/**
 * Starts `controller` on the coordinator the settings name: the virtual one, or herdsman's adapter for the serial
 * port. `created` is handed the adapter as soon as it exists (herdsman keeps its own private); on failure the
 * controller's listeners are removed and the error names the coordinator.
 */
export async function startController(
  controller: Controller,
  settings: ZigbeeSettings,
  created: (adapter: Adapter, virtual: VirtualCoordinatorAdapter | undefined) => void,
): Promise<void> {
  const virtual = settings.virtual;
  try {
    await withAdapterFactory(
      async (network, serialPort, backupPath, adapterOptions) => {
        const virtualAdapter = virtual
          ? new VirtualCoordinatorAdapter(network, serialPort, backupPath, adapterOptions, virtual.devices)
          : undefined;
        const adapter = virtualAdapter ?? (await Adapter.create(network, serialPort, backupPath, adapterOptions));
        created(adapter, virtualAdapter);
        return adapter;
      },
      () => controller.start(),
    );
  } catch (error) {
    controller.removeAllListeners();
    const coordinator = settings.serialPort?.path ?? 'virtual';
    throw new Error(
      `zigbee coordinator ${coordinator} did not start: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
