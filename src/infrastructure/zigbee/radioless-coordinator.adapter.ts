import { type AdapterEvents, type Zcl, type ZSpec } from 'zigbee-herdsman';
import { Adapter } from 'zigbee-herdsman/dist/adapter/adapter.js';
import type { Backup } from 'zigbee-herdsman/dist/models/index.js';

export const COORDINATOR_IEEE = '0x00124b00cafe0001';
const NO_INTERPAN = 'the virtual coordinator has no InterPAN';

/**
 * What a coordinator without a radio answers whatever its network holds: a fixed address, nothing to reset, no
 * backup or install codes, group and broadcast frames absorbed, and no InterPAN. The virtual coordinator adds the
 * network on top.
 */
export abstract class RadiolessCoordinatorAdapter extends Adapter {
  override async getCoordinatorIEEE(): Promise<string> {
    return Promise.resolve(COORDINATOR_IEEE);
  }

  override async reset(): Promise<void> {
    return Promise.resolve();
  }

  override async supportsBackup(): Promise<boolean> {
    return Promise.resolve(false);
  }

  override async backup(): Promise<Backup> {
    return Promise.reject(new Error('the virtual coordinator keeps no backup'));
  }

  override async addInstallCode(): Promise<void> {
    return Promise.resolve();
  }

  override async sendZclFrameToGroup(): Promise<void> {
    return Promise.resolve();
  }

  override async sendZclFrameToAll(
    _endpoint: number,
    _zclFrame: Zcl.Frame,
    _sourceEndpoint: number,
    _destination: ZSpec.BroadcastAddress,
  ): Promise<void> {
    return Promise.resolve();
  }

  override async setChannelInterPAN(): Promise<void> {
    return Promise.reject(new Error(NO_INTERPAN));
  }

  override async sendZclFrameInterPANToIeeeAddr(): Promise<void> {
    return Promise.reject(new Error(NO_INTERPAN));
  }

  override sendZclFrameInterPANBroadcast(
    zclFrame: Zcl.Frame,
    timeout: number,
    disableResponse: false,
  ): Promise<AdapterEvents.ZclPayload>;
  override sendZclFrameInterPANBroadcast(
    zclFrame: Zcl.Frame,
    timeout: number,
    disableResponse: true,
  ): Promise<undefined>;
  override sendZclFrameInterPANBroadcast(
    zclFrame: Zcl.Frame,
    timeout: number,
    disableResponse: boolean,
  ): Promise<AdapterEvents.ZclPayload | undefined>;
  override async sendZclFrameInterPANBroadcast(): Promise<AdapterEvents.ZclPayload | undefined> {
    return Promise.reject(new Error(NO_INTERPAN));
  }

  override async restoreChannelInterPAN(): Promise<void> {
    return Promise.resolve();
  }
}
