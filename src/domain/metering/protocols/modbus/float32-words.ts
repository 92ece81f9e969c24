/** IEEE-754 single precision spread over two 16-bit registers, high word first, each word big-endian. */
export function float32FromWords(high: number, low: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint16(0, high);
  view.setUint16(2, low);
  return view.getFloat32(0);
}

/** The two registers a meter would hold for `value`, rounded to the nearest float32. */
export function float32Words(value: number): [high: number, low: number] {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value);
  return [view.getUint16(0), view.getUint16(2)];
}
