import { createHash } from 'node:crypto';
import { Zcl } from 'zigbee-herdsman';

/** The upgrade file identifier every OTA file starts with (ZigBee OTA spec 11.4.2.1), little-endian on the wire. */
export const OTA_UPGRADE_FILE_IDENTIFIER = 0x0beef11e;
export const OTA_UPGRADE_IMAGE_TAG = 0x0000;
/** Bytes of the virtual firmware's own integrity check at the end of its upgrade image element. */
export const VIRTUAL_FIRMWARE_CHECK_BYTES = 4;
/** Largest block the virtual client asks for in one imageBlockRequest. */
export const VIRTUAL_OTA_MAX_DATA_SIZE = 64;

const OTA_HEADER_MIN_LENGTH = 56;
/** A block request the server left unanswered is asked again after this long, as real clients do. */
const BLOCK_RETRY_MS = 1000;
const BLOCK_RETRIES = 10;
const REQUEST_DELAY_MS = 5;
const MAX_REBOOT_DELAY_S = 60;

/**
 * The check the simulated bootloader applies before it runs a new image: the upgrade image element ends with the first
 * four bytes of the SHA-256 of the element's other bytes. Real products check a vendor signature or CRC of their own
 * that the server cannot see either; this one makes a corrupt but well-formed image detectable by the device alone.
 */
export function virtualFirmwareCheck(body: Buffer): Buffer {
  return createHash('sha256').update(body).digest().subarray(0, VIRTUAL_FIRMWARE_CHECK_BYTES);
}

/** How the OTA client reaches the network: its requests to the upgrade server, its announce after a reboot. */
export interface OtaClientRadio {
  send(
    command: 'queryNextImageRequest' | 'imageBlockRequest' | 'upgradeEndRequest',
    payload: Record<string, unknown>,
  ): void;
  /** The device restarted on its new firmware: set its version attributes and announce itself. */
  rebooted(firmware: { readonly fileVersion: number; readonly softwareBuildId: string | undefined }): void;
}

interface Offer {
  readonly manufacturerCode: number;
  readonly imageType: number;
  readonly fileVersion: number;
  readonly imageSize: number;
}

type ClientState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'downloading'; readonly offer: Offer; readonly chunks: Buffer[]; offset: number; retries: number }
  | { readonly kind: 'downloaded'; readonly offer: Offer; readonly softwareBuildId: string | undefined };

/**
 * The device side of ZigBee OTA (ZigBee cluster library, OTA upgrade cluster) as a product runs it: it answers the
 * server's imageNotify with a queryNextImageRequest naming what it runs, downloads an offered image block by block,
 * checks the whole image (size, header, sub-elements, its own firmware check) and ends with upgradeEndRequest —
 * SUCCESS, or INVALID_IMAGE for an image it will not run. After the server's upgradeEndResponse it reboots into the
 * new file version at the upgrade time the server set.
 */
export class VirtualOtaClient {
  private state: ClientState = { kind: 'idle' };
  private timer: NodeJS.Timeout | undefined;
  private fileVersionRunning: number;

  constructor(
    readonly manufacturerCode: number,
    readonly imageType: number,
    fileVersion: number,
    private readonly radio: OtaClientRadio,
  ) {
    this.fileVersionRunning = fileVersion;
  }

  /** The file version the device runs (its genOta currentFileVersion). */
  get fileVersion(): number {
    return this.fileVersionRunning;
  }

  /** A genOta frame from the upgrade server; the client never answers in the same exchange, it sends its own requests. */
  receive(frame: Zcl.Frame): void {
    if (frame.header.isGlobal) return;
    const payload = frame.payload as Record<string, number | Buffer | undefined>;
    switch (frame.command.name) {
      case 'imageNotify':
        this.later(REQUEST_DELAY_MS, () =>
          this.radio.send('queryNextImageRequest', this.identity(this.fileVersionRunning)),
        );
        return;
      case 'queryNextImageResponse':
        this.offered(payload);
        return;
      case 'imageBlockResponse':
        this.block(payload);
        return;
      case 'upgradeEndResponse':
        this.upgradeEnd(payload);
        return;
      default:
        return;
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.state = { kind: 'idle' };
  }

  private identity(fileVersion: number): Record<string, unknown> {
    return { fieldControl: 0, manufacturerCode: this.manufacturerCode, imageType: this.imageType, fileVersion };
  }

  private offered(payload: Record<string, number | Buffer | undefined>): void {
    const { status, manufacturerCode, imageType, fileVersion, imageSize } = payload;
    if (status !== Zcl.Status.SUCCESS || typeof fileVersion !== 'number' || typeof imageSize !== 'number') return;
    if (manufacturerCode !== this.manufacturerCode || imageType !== this.imageType || imageSize < OTA_HEADER_MIN_LENGTH)
      return;
    this.state = {
      kind: 'downloading',
      offer: { manufacturerCode, imageType, fileVersion, imageSize },
      chunks: [],
      offset: 0,
      retries: 0,
    };
    this.later(REQUEST_DELAY_MS, () => this.requestBlock());
  }

  private requestBlock(): void {
    const state = this.state;
    if (state.kind !== 'downloading') return;
    if (state.retries > BLOCK_RETRIES) {
      this.state = { kind: 'idle' };
      return;
    }
    const { offer, offset } = state;
    this.radio.send('imageBlockRequest', {
      ...this.identity(offer.fileVersion),
      fileOffset: offset,
      maximumDataSize: Math.min(VIRTUAL_OTA_MAX_DATA_SIZE, offer.imageSize - offset),
    });
    state.retries += 1;
    this.later(BLOCK_RETRY_MS, () => this.requestBlock());
  }

  private block(payload: Record<string, number | Buffer | undefined>): void {
    const state = this.state;
    if (state.kind !== 'downloading') return;
    if (payload.status !== Zcl.Status.SUCCESS) {
      // ABORT from the server, or an image it no longer has: the download is over.
      this.stop();
      return;
    }
    const data = payload.data;
    if (
      payload.fileVersion !== state.offer.fileVersion ||
      payload.fileOffset !== state.offset ||
      !Buffer.isBuffer(data) ||
      data.length === 0
    )
      return;
    state.chunks.push(Buffer.from(data));
    state.offset += data.length;
    state.retries = 0;
    if (state.offset < state.offer.imageSize) {
      this.later(REQUEST_DELAY_MS, () => this.requestBlock());
      return;
    }
    const image = Buffer.concat(state.chunks);
    const problem = imageProblem(image, state.offer);
    const end = {
      status: problem === undefined ? Zcl.Status.SUCCESS : Zcl.Status.INVALID_IMAGE,
      ...this.identity(state.offer.fileVersion),
    };
    this.state =
      problem === undefined
        ? { kind: 'downloaded', offer: state.offer, softwareBuildId: headerString(image) }
        : { kind: 'idle' };
    this.later(REQUEST_DELAY_MS, () => this.radio.send('upgradeEndRequest', end));
  }

  private upgradeEnd(payload: Record<string, number | Buffer | undefined>): void {
    const state = this.state;
    if (state.kind !== 'downloaded' || payload.fileVersion !== state.offer.fileVersion) return;
    const currentTime = typeof payload.currentTime === 'number' ? payload.currentTime : 0;
    const upgradeTime = typeof payload.upgradeTime === 'number' ? payload.upgradeTime : 0;
    // currentTime 0 makes upgradeTime an offset in seconds (spec 11.13.8.2.8).
    const delayS = currentTime === 0 ? upgradeTime : Math.max(0, upgradeTime - currentTime);
    this.later(Math.min(delayS, MAX_REBOOT_DELAY_S) * 1000, () => {
      this.fileVersionRunning = state.offer.fileVersion;
      this.state = { kind: 'idle' };
      this.radio.rebooted({ fileVersion: state.offer.fileVersion, softwareBuildId: state.softwareBuildId });
    });
  }

  private later(delayMs: number, action: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      action();
    }, delayMs);
    this.timer.unref();
  }
}

/** The header string names the version the simulated firmware reports as swBuildId once it runs. */
function headerString(image: Buffer): string | undefined {
  const text = image.toString('latin1', 20, 52).replace(/\0+$/, '').trim();
  return text === '' ? undefined : text;
}

/** Why the client will not run the image, or undefined when it will. */
export function imageProblem(image: Buffer, offer: Offer): string | undefined {
  if (image.length !== offer.imageSize) return `received ${image.length} bytes of ${offer.imageSize}`;
  if (image.readUInt32LE(0) !== OTA_UPGRADE_FILE_IDENTIFIER) return 'no OTA upgrade file identifier';
  const headerLength = image.readUInt16LE(6);
  if (headerLength < OTA_HEADER_MIN_LENGTH || headerLength > image.length) return `header length ${headerLength}`;
  if (image.readUInt16LE(10) !== offer.manufacturerCode || image.readUInt16LE(12) !== offer.imageType)
    return 'the header names another product';
  if (image.readUInt32LE(14) !== offer.fileVersion)
    return `the header's file version ${image.readUInt32LE(14)} is not the one offered`;
  if (image.readUInt32LE(52) !== image.length)
    return `the header's total image size ${image.readUInt32LE(52)} differs from the image`;
  let position = headerLength;
  let upgradeImage: Buffer | undefined;
  while (position < image.length) {
    if (position + 6 > image.length) return 'a truncated sub-element';
    const tag = image.readUInt16LE(position);
    const length = image.readUInt32LE(position + 2);
    if (position + 6 + length > image.length) return 'a sub-element longer than the image';
    if (tag === OTA_UPGRADE_IMAGE_TAG) upgradeImage = image.subarray(position + 6, position + 6 + length);
    position += 6 + length;
  }
  if (!upgradeImage || upgradeImage.length <= VIRTUAL_FIRMWARE_CHECK_BYTES) return 'no upgrade image element';
  const body = upgradeImage.subarray(0, upgradeImage.length - VIRTUAL_FIRMWARE_CHECK_BYTES);
  if (!virtualFirmwareCheck(body).equals(upgradeImage.subarray(body.length))) return 'the firmware check failed';
  return undefined;
}
