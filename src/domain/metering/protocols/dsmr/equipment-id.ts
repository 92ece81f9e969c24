const HEX_PAIRS = /^(?:[0-9A-Fa-f]{2})+$/;
/** Safe inside a node id and a sensor id (no '/', which separates sensor id parts). */
const ID_TEXT = /^[A-Za-z0-9._-]+$/;
const ALL_ZEROS = /^0+$/;

/**
 * Equipment ids (0-0:96.1.1, 0-n:96.1.0/96.1.1) are ASCII written as hex: `4530303434…` → `E0044…`. Returns
 * undefined for what identifies nothing: empty or all zeros (test and DSMR 2.2 meters), raw or decoded. Hex that
 * does not decode to printable ASCII is kept as written, so the id stays stable.
 */
export function decodeEquipmentId(raw: string | undefined): string | undefined {
  const text = raw?.trim() ?? '';
  if (text === '' || ALL_ZEROS.test(text)) return undefined;
  if (HEX_PAIRS.test(text)) {
    let decoded = '';
    for (let i = 0; i < text.length; i += 2) decoded += String.fromCharCode(parseInt(text.slice(i, i + 2), 16));
    decoded = decoded.trim();
    if (ID_TEXT.test(decoded)) return ALL_ZEROS.test(decoded) ? undefined : decoded;
  }
  return ID_TEXT.test(text) ? text : undefined;
}
