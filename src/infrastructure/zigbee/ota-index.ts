import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parseOtaHeader, parseOtaImage } from 'zigbee-herdsman/dist/controller/helpers/ota.js';
import type { OtaImage } from 'zigbee-herdsman/dist/controller/tstype.js';

/** An image of the gateway's OTA index, with the identifiers read from its file where the index leaves them out. */
export interface OtaIndexEntry {
  /** Absolute path of the image file. */
  readonly path: string;
  /** The firmware version as the device reports it afterwards (genBasic swBuildId), e.g. "2.4.50"; optional. */
  readonly version?: string;
  readonly fileVersion: number;
  readonly manufacturerCode: number;
  readonly imageType: number;
  readonly fileSize?: number;
  readonly sha512?: string;
  readonly modelId?: string;
  readonly manufacturerName?: readonly string[];
}

/** What the device said of itself in its queryNextImageRequest, plus the model herdsman knows. */
export interface OtaClientIdentity {
  readonly manufacturerCode: number;
  readonly imageType: number;
  readonly modelId?: string;
  readonly manufacturerName?: string;
}

export class OtaIndexError extends Error {}

/** A 16- or 32-bit identifier in the form operators write and logs show. */
export function otaHex(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalInteger(
  entry: Record<string, unknown>,
  field: string,
  max: number,
  where: string,
): number | undefined {
  const value = entry[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new OtaIndexError(`${where}: "${field}" must be an integer 0..${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function optionalString(entry: Record<string, unknown>, field: string, where: string): string | undefined {
  const value = entry[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '')
    throw new OtaIndexError(`${where}: "${field}" must be a non-empty string, got ${JSON.stringify(value)}`);
  return value;
}

function parseEntry(value: unknown, index: number, indexPath: string): OtaIndexEntry {
  const where = `OTA index ${indexPath}, entry ${index}`;
  if (!isRecord(value)) throw new OtaIndexError(`${where}: must be an object with "url" (a local image file)`);
  const url = optionalString(value, 'url', where);
  if (url === undefined) throw new OtaIndexError(`${where}: "url" (a local image file) is missing`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
    throw new OtaIndexError(
      `${where}: "url" must be a local file, got ${JSON.stringify(url)} (the gateway downloads no images)`,
    );
  const path = isAbsolute(url) ? url : join(dirname(indexPath), url);
  const sha512 = optionalString(value, 'sha512', where);
  if (sha512 !== undefined && !/^[0-9a-f]{128}$/i.test(sha512))
    throw new OtaIndexError(`${where}: "sha512" must be 128 hex digits`);
  const names = value.manufacturerName;
  if (names !== undefined && !(Array.isArray(names) && names.every((n) => typeof n === 'string')))
    throw new OtaIndexError(`${where}: "manufacturerName" must be a list of strings`);
  let fileVersion = optionalInteger(value, 'fileVersion', 0xffffffff, where);
  let manufacturerCode = optionalInteger(value, 'manufacturerCode', 0xffff, where);
  let imageType = optionalInteger(value, 'imageType', 0xffff, where);
  if (fileVersion === undefined || manufacturerCode === undefined || imageType === undefined) {
    // As herdsman does for local images: what the index leaves out, the image's own header says.
    const header = readHeader(path, where);
    fileVersion ??= header.fileVersion;
    manufacturerCode ??= header.manufacturerCode;
    imageType ??= header.imageType;
  }
  const version = optionalString(value, 'version', where);
  const fileSize = optionalInteger(value, 'fileSize', 0xffffffff, where);
  const modelId = optionalString(value, 'modelId', where);
  return {
    path,
    fileVersion,
    manufacturerCode,
    imageType,
    ...(version !== undefined ? { version } : {}),
    ...(fileSize !== undefined ? { fileSize } : {}),
    ...(sha512 !== undefined ? { sha512: sha512.toLowerCase() } : {}),
    ...(modelId !== undefined ? { modelId } : {}),
    ...(names !== undefined ? { manufacturerName: names as string[] } : {}),
  };
}

function readHeader(path: string, where: string): ReturnType<typeof parseOtaHeader> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new OtaIndexError(
      `${where}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  try {
    return parseOtaHeader(bytes);
  } catch (error) {
    throw new OtaIndexError(`${where}: ${path} has no valid OTA header (${(error as Error).message})`);
  }
}

/** Reads the local index afresh, so images put beside it are found without a restart. */
export function loadOtaIndex(indexPath: string): OtaIndexEntry[] {
  let text: string;
  try {
    text = readFileSync(indexPath, 'utf8');
  } catch (error) {
    throw new OtaIndexError(
      `OTA index ${indexPath} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new OtaIndexError(`OTA index ${indexPath} is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new OtaIndexError(`OTA index ${indexPath} must be a JSON array of images`);
  return parsed.map((entry, i) => parseEntry(entry, i, indexPath));
}

/**
 * The requested version names an image by the firmware version it installs (the entry's `version`, what the device
 * reports as genBasic swBuildId afterwards) or by its OTA file version (decimal or 0x hex).
 */
export function versionMatches(entry: OtaIndexEntry, version: string): boolean {
  if (entry.version !== undefined && entry.version === version) return true;
  if (/^\d{1,10}$/.test(version)) return Number(version) === entry.fileVersion;
  if (/^0x[0-9a-f]{1,8}$/i.test(version)) return Number.parseInt(version.slice(2), 16) === entry.fileVersion;
  return false;
}

/** Images for this device: its manufacturer code and image type, and the model and vendor where the index names them. */
export function imagesFor(index: readonly OtaIndexEntry[], device: OtaClientIdentity): OtaIndexEntry[] {
  return index.filter(
    (e) =>
      e.manufacturerCode === device.manufacturerCode &&
      e.imageType === device.imageType &&
      (e.modelId === undefined || e.modelId === device.modelId) &&
      (e.manufacturerName === undefined ||
        (device.manufacturerName !== undefined && e.manufacturerName.includes(device.manufacturerName))),
  );
}

/** The one image the request means, or why there is none. */
export function findOtaImage(
  index: readonly OtaIndexEntry[],
  device: OtaClientIdentity,
  version: string,
): { image: OtaIndexEntry } | { problem: string } {
  const forDevice = imagesFor(index, device);
  const who = `manufacturer ${otaHex(device.manufacturerCode, 4)}, image type ${otaHex(device.imageType, 4)}`;
  if (forDevice.length === 0) return { problem: `the OTA index has no image for this device (${who})` };
  const matching = forDevice.filter((e) => versionMatches(e, version));
  if (matching.length === 0) {
    const known = forDevice.map((e) =>
      e.version !== undefined ? `${e.version} (${otaHex(e.fileVersion, 8)})` : otaHex(e.fileVersion, 8),
    );
    return {
      problem: `the OTA index has no image of version ${version} for this device (${who}); it has ${known.join(', ')}`,
    };
  }
  const versions = new Set(matching.map((e) => e.fileVersion));
  if (versions.size > 1)
    return {
      problem: `version ${version} names several images of different file versions for this device; ask by file version`,
    };
  return { image: matching[0]! };
}

/**
 * Reads and checks the image the way the device will see it: the file's checksum and size as the index states them,
 * the OTA header and sub-elements (herdsman's parser), and the identifiers the index gave for it.
 */
export function readOtaImage(entry: OtaIndexEntry): OtaImage {
  const where = `invalid OTA image ${entry.path}`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry.path);
  } catch (error) {
    throw new OtaIndexError(`${where}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (entry.sha512 !== undefined && createHash('sha512').update(bytes).digest('hex') !== entry.sha512)
    throw new OtaIndexError(`${where}: its SHA-512 differs from the index`);
  let image: OtaImage;
  try {
    image = parseOtaImage(bytes);
  } catch (error) {
    throw new OtaIndexError(`${where}: ${(error as Error).message}`);
  }
  const { header } = image;
  if (header.totalImageSize !== bytes.length)
    throw new OtaIndexError(`${where}: the header says ${header.totalImageSize} bytes, the file has ${bytes.length}`);
  if (entry.fileSize !== undefined && entry.fileSize !== bytes.length)
    throw new OtaIndexError(`${where}: the index says ${entry.fileSize} bytes, the file has ${bytes.length}`);
  if (
    header.fileVersion !== entry.fileVersion ||
    header.manufacturerCode !== entry.manufacturerCode ||
    header.imageType !== entry.imageType
  ) {
    throw new OtaIndexError(
      `${where}: its header (manufacturer ${otaHex(header.manufacturerCode, 4)}, image type ${otaHex(header.imageType, 4)}, file version ${otaHex(header.fileVersion, 8)}) differs from the index`,
    );
  }
  return image;
}
