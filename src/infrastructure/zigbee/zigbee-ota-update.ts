import type { Logger } from 'pino';
import type { Models } from 'zigbee-herdsman';
import type { OtaExtraMetas } from 'zigbee-herdsman/dist/controller/tstype.js';
import { findByDevice } from 'zigbee-herdsman-converters';
import type { DeviceCommandOutcome } from '../../application/ports/frame-source.port.js';
import { findOtaImage, loadOtaIndex, OtaIndexError, otaHex, readOtaImage } from './ota-index.js';
import { interviewedDetail } from './zigbee-definition.js';
import type { ZigbeeSettings } from './zigbee-settings.js';

export interface OtaUpdateContext {
  readonly logger: Logger;
  /** Reports the device anew (model, vendor, firmware) once it runs the new image. */
  readonly interviewed: (detail: Record<string, unknown>) => void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One firmware update over ZigBee OTA from the local index (see `ZigbeeSource.updateFirmware`): the device is asked
 * what it runs, the matching image is checked, herdsman's `updateOta` serves it, and the device is asked again.
 */
export async function runOtaUpdate(
  device: Models.Device,
  endpoint: Models.Endpoint,
  ota: NonNullable<ZigbeeSettings['ota']>,
  version: string,
  { logger, interviewed }: OtaUpdateContext,
): Promise<DeviceCommandOutcome> {
  const definition = await findByDevice(device);
  const extraMetas: OtaExtraMetas = typeof definition?.ota === 'object' ? definition.ota : {};
  // checkOta against our own local index (an absolute path: herdsman never falls back to its internet index here).
  const indexSource = { url: ota.indexPath };
  const ask = async (): Promise<{ manufacturerCode: number; imageType: number; fileVersion: number }> =>
    (await device.checkOta(indexSource, undefined, extraMetas, endpoint)).current;
  let index;
  try {
    index = loadOtaIndex(ota.indexPath);
  } catch (error) {
    if (error instanceof OtaIndexError) return { ok: false, detail: error.message };
    throw error;
  }
  let before;
  try {
    before = await ask();
  } catch (error) {
    return { ok: false, detail: `the device did not answer the OTA image notify: ${errorText(error)}` };
  }
  const found = findOtaImage(
    index,
    {
      manufacturerCode: before.manufacturerCode,
      imageType: before.imageType,
      modelId: device.modelID,
      manufacturerName: device.manufacturerName,
    },
    version,
  );
  if ('problem' in found) return { ok: false, detail: found.problem };
  const entry = found.image;
  const target = otaHex(entry.fileVersion, 8);
  if (before.fileVersion === entry.fileVersion)
    return {
      ok: true,
      detail: `the device runs file version ${target} already (${device.softwareBuildID ?? 'no swBuildId'})`,
    };
  try {
    readOtaImage(entry);
  } catch (error) {
    if (error instanceof OtaIndexError) return { ok: false, detail: error.message };
    throw error;
  }
  logger.info(
    { ieee: device.ieeeAddr, from: otaHex(before.fileVersion, 8), to: target, image: entry.path },
    'zigbee OTA update starting',
  );
  let to;
  try {
    [, to] = await device.updateOta(
      { url: entry.path, downgrade: entry.fileVersion < before.fileVersion },
      undefined,
      undefined,
      extraMetas,
      () => undefined,
      { requestTimeout: ota.requestTimeoutMs, responseDelay: ota.responseDelayMs, baseSize: ota.blockSize },
      endpoint,
    );
  } catch (error) {
    logger.warn({ ieee: device.ieeeAddr, err: error }, 'zigbee OTA update failed');
    return { ok: false, detail: `OTA update to ${target} failed: ${errorText(error)}` };
  }
  if (!to)
    return {
      ok: false,
      detail: `the device did not take the image: it reported file version ${otaHex(before.fileVersion, 8)} and herdsman offered none`,
    };
  if (to.fileVersion !== entry.fileVersion)
    return { ok: false, detail: `the update ended on file version ${otaHex(to.fileVersion, 8)}, not ${target}` };
  let after;
  try {
    after = await ask();
  } catch (error) {
    return { ok: false, detail: `the image was sent, but the device did not answer afterwards: ${errorText(error)}` };
  }
  if (after.fileVersion !== entry.fileVersion)
    return {
      ok: false,
      detail: `the image was sent, but the device reports file version ${otaHex(after.fileVersion, 8)}, not ${target}`,
    };
  const softwareBuildId = await readSoftwareBuildId(device, logger);
  logger.info({ ieee: device.ieeeAddr, fileVersion: target, softwareBuildId }, 'zigbee OTA update applied');
  interviewed(interviewedDetail(device, definition, true));
  return {
    ok: true,
    detail: `OTA update ${otaHex(before.fileVersion, 8)} → ${target}: the device reports file version ${target}${softwareBuildId ? `, swBuildId ${softwareBuildId}` : ''}`,
  };
}

/** Reads genBasic swBuildId afresh after an update and keeps it on herdsman's device; undefined when unread. */
async function readSoftwareBuildId(device: Models.Device, logger: Logger): Promise<string | undefined> {
  const basic = device.endpoints.find((e) => e.supportsInputCluster('genBasic'));
  if (!basic) return undefined;
  try {
    const answer = await basic.read('genBasic', ['swBuildId']);
    if (typeof answer.swBuildId === 'string') {
      device.softwareBuildID = answer.swBuildId;
      device.save();
    }
    return typeof answer.swBuildId === 'string' ? answer.swBuildId : undefined;
  } catch (error) {
    logger.warn({ ieee: device.ieeeAddr, err: error }, 'zigbee swBuildId not read after the OTA update');
    return undefined;
  }
}
