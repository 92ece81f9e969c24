import { createHash } from 'node:crypto';
import {
  OTA_UPGRADE_FILE_IDENTIFIER,
  OTA_UPGRADE_IMAGE_TAG,
  virtualFirmwareCheck,
} from '../../src/infrastructure/zigbee/virtual-ota-client.js';

export interface OtaImageSpec {
  readonly manufacturerCode: number;
  readonly imageType: number;
  readonly fileVersion: number;
  /** Up to 32 characters; the virtual devices report it as their swBuildId once they run the image. */
  readonly headerString?: string;
  /** Bytes of made-up firmware in the upgrade image element. */
  readonly firmwareBytes?: number;
  /** Flips one firmware byte after the virtual firmware check was computed: well-formed, but the device refuses it. */
  readonly corrupt?: boolean;
}

const HEADER_LENGTH = 56;
const OTA_HEADER_VERSION = 0x0100;
const ZIGBEE_PRO_STACK = 0x0002;

/**
 * A small ZigBee OTA upgrade file: the 56-byte header (file identifier 0x0BEEF11E, header version 0x0100, header
 * length, field control 0, manufacturer code, image type, file version, stack version, header string, total image
 * size) and one upgrade image tag element whose data ends with the virtual firmware check.
 */
export function anOtaImage(spec: OtaImageSpec): Buffer {
  const firmware = Buffer.alloc(spec.firmwareBytes ?? 300);
  for (let i = 0; i < firmware.length; i += 1) firmware[i] = (i * 31 + spec.fileVersion) & 0xff;
  const check = virtualFirmwareCheck(firmware);
  if (spec.corrupt) firmware.writeUInt8(firmware.readUInt8(firmware.length >> 1) ^ 0xff, firmware.length >> 1);
  const element = Buffer.concat([firmware, check]);
  const tag = Buffer.alloc(6);
  tag.writeUInt16LE(OTA_UPGRADE_IMAGE_TAG, 0);
  tag.writeUInt32LE(element.length, 2);
  const total = HEADER_LENGTH + tag.length + element.length;
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt32LE(OTA_UPGRADE_FILE_IDENTIFIER, 0);
  header.writeUInt16LE(OTA_HEADER_VERSION, 4);
  header.writeUInt16LE(HEADER_LENGTH, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt16LE(spec.manufacturerCode, 10);
  header.writeUInt16LE(spec.imageType, 12);
  header.writeUInt32LE(spec.fileVersion, 14);
  header.writeUInt16LE(ZIGBEE_PRO_STACK, 18);
  header.write((spec.headerString ?? '').slice(0, 32), 20, 32, 'latin1');
  header.writeUInt32LE(total, 52);
  return Buffer.concat([header, tag, element]);
}

export function sha512Of(bytes: Buffer): string {
  return createHash('sha512').update(bytes).digest('hex');
}
