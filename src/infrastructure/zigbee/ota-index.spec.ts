import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anOtaImage, sha512Of } from '#test/support/ota-image.js';
import { findOtaImage, loadOtaIndex, readOtaImage, type OtaIndexEntry } from './ota-index.js';

const IKEA = { manufacturerCode: 0x117c, imageType: 0x2201 };
const PLUG = { ...IKEA, modelId: 'INSPELNING Smart plug', manufacturerName: 'IKEA of Sweden' };

function entry(fields: Partial<OtaIndexEntry> & { fileVersion: number }): OtaIndexEntry {
  return { path: '/ota/x.ota', ...IKEA, ...fields };
}

describe('OTA image matching', () => {
  const index = [
    entry({ fileVersion: 0x02040050, version: '2.4.50' }),
    entry({ fileVersion: 0x02040060, version: '2.4.60', modelId: 'TRADFRI bulb' }),
    entry({ fileVersion: 0x00000070, imageType: 0x0001 }),
    entry({ fileVersion: 0x02040080, manufacturerName: ['IKEA of Sweden'] }),
  ];

  it("finds the image by the version it installs or by its file version, for the device's manufacturer code and image type", () => {
    expect(findOtaImage(index, PLUG, '2.4.50')).toEqual({ image: index[0] });
    expect(findOtaImage(index, PLUG, '0x02040050')).toEqual({ image: index[0] });
    expect(findOtaImage(index, PLUG, String(0x02040080))).toEqual({ image: index[3] });
  });

  it('says why there is none: another model, another image type, an unknown version', () => {
    expect(findOtaImage(index, PLUG, '2.4.60')).toEqual({
      problem: expect.stringContaining(
        'no image of version 2.4.60 for this device (manufacturer 0x117c, image type 0x2201); it has 2.4.50 (0x02040050), 0x02040080',
      ) as unknown,
    });
    expect(findOtaImage(index, { ...PLUG, imageType: 0x0002 }, '2.4.50')).toEqual({
      problem: 'the OTA index has no image for this device (manufacturer 0x117c, image type 0x0002)',
    });
    expect(findOtaImage(index, { ...PLUG, manufacturerName: 'Someone else' }, String(0x02040080))).toMatchObject({
      problem: expect.stringContaining('no image of version') as unknown,
    });
  });
});

describe('the local OTA index and its images', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wattlog-ota-index-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads identifiers the index leaves out from the image header, images relative to the index', () => {
    const image = anOtaImage({ ...IKEA, fileVersion: 0x02040050 });
    writeFileSync(join(dir, 'a.ota'), image);
    writeFileSync(
      join(dir, 'index.json'),
      JSON.stringify([{ url: 'a.ota', version: '2.4.50', sha512: sha512Of(image), fileSize: image.length }]),
    );
    const [read] = loadOtaIndex(join(dir, 'index.json'));
    expect(read).toEqual({
      path: join(dir, 'a.ota'),
      version: '2.4.50',
      fileVersion: 0x02040050,
      ...IKEA,
      sha512: sha512Of(image),
      fileSize: image.length,
    });
    expect(readOtaImage(read!).header).toMatchObject({ fileVersion: 0x02040050, totalImageSize: image.length });
  });

  it.each([
    ['not an array', '{}', 'must be a JSON array of images'],
    [
      'a download',
      JSON.stringify([{ url: 'https://example.org/a.ota' }]),
      'entry 0: "url" must be a local file, got "https://example.org/a.ota" (the gateway downloads no images)',
    ],
    ['a missing file', JSON.stringify([{ url: 'missing.ota' }]), 'cannot read'],
  ])('refuses an index with %s', (_case, text, message) => {
    writeFileSync(join(dir, 'index.json'), text);
    expect(() => loadOtaIndex(join(dir, 'index.json'))).toThrow(message);
  });

  it('refuses images that are truncated, differ from their checksum or from what the index says of them', () => {
    const image = anOtaImage({ ...IKEA, fileVersion: 0x02040050 });
    writeFileSync(join(dir, 'short.ota'), image.subarray(0, image.length - 10));
    expect(() => readOtaImage(entry({ path: join(dir, 'short.ota'), fileVersion: 0x02040050 }))).toThrow(
      /invalid OTA image .*short\.ota/,
    );
    writeFileSync(join(dir, 'a.ota'), image);
    expect(() =>
      readOtaImage(entry({ path: join(dir, 'a.ota'), fileVersion: 0x02040050, sha512: '0'.repeat(128) })),
    ).toThrow('its SHA-512 differs from the index');
    expect(() => readOtaImage(entry({ path: join(dir, 'a.ota'), fileVersion: 0x02040051 }))).toThrow(
      'differs from the index',
    );
  });
});
