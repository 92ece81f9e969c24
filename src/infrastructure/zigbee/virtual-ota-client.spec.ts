import { anOtaImage } from '#test/support/ota-image.js';
import { imageProblem } from './virtual-ota-client.js';

const OFFER = { manufacturerCode: 0x117c, imageType: 0x2201, fileVersion: 0x02040050 };

describe("the virtual OTA client's check of a downloaded image", () => {
  it('runs a whole, well-formed image whose firmware check holds', () => {
    const image = anOtaImage(OFFER);
    expect(imageProblem(image, { ...OFFER, imageSize: image.length })).toBeUndefined();
  });

  it('refuses a corrupt firmware, a short download and an image for another file version', () => {
    const corrupt = anOtaImage({ ...OFFER, corrupt: true });
    expect(imageProblem(corrupt, { ...OFFER, imageSize: corrupt.length })).toBe('the firmware check failed');
    const image = anOtaImage(OFFER);
    expect(imageProblem(image.subarray(0, 100), { ...OFFER, imageSize: image.length })).toBe(
      `received 100 bytes of ${image.length}`,
    );
    expect(imageProblem(image, { ...OFFER, fileVersion: 0x02040051, imageSize: image.length })).toMatch(
      /file version .* is not the one offered/,
    );
  });
});
