import { decodeEquipmentId } from './equipment-id.js';

describe('decodeEquipmentId', () => {
  it.each([
    ['4530303434303037313331363530363138', 'E0044007131650618'],
    ['3153414731313030303537373239', '1SAG1100057729'],
    // Kamstrup DSMR 3 meters pad with a leading space.
    ['204B413655303031363630323937393132', 'KA6U001660297912'],
  ])('decodes hex-encoded ASCII %s', (raw, id) => {
    expect(decodeEquipmentId(raw)).toBe(id);
  });

  it.each([undefined, '', '00000000000000', '3030303030'])('finds no id in %j', (raw) => {
    expect(decodeEquipmentId(raw)).toBeUndefined();
  });

  it('keeps hex that does not decode to printable ASCII as written, so the id stays stable', () => {
    expect(decodeEquipmentId('0102FF7F')).toBe('0102FF7F');
  });

  it('refuses text that would break a sensor id', () => {
    expect(decodeEquipmentId('2F2F2F2F')).toBe('2F2F2F2F');
    expect(decodeEquipmentId('meter/1')).toBeUndefined();
  });
});
