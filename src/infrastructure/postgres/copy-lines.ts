/**
 * Cuts the byte stream of `COPY ... TO STDOUT` (text format) into rows. The driver hands over whatever the socket
 * read, so a row may span chunks; text format escapes newlines inside values, and no UTF-8 sequence contains the
 * byte 0x0A, so every raw newline ends a row and the bytes can be cut before they are decoded.
 */
export class CopyLines {
  private partial: Buffer[] = [];

  /** Calls `onLine` for every row the chunk completes, without its newline. */
  push(chunk: Buffer, onLine: (line: string) => void): void {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(0x0a, start);
      if (end === -1) break;
      const bytes =
        this.partial.length === 0
          ? chunk.subarray(start, end)
          : Buffer.concat([...this.partial, chunk.subarray(start, end)]);
      this.partial = [];
      onLine(bytes.toString('utf8'));
      start = end + 1;
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  }

  /** The output ended: a row without its newline means the output was cut short. */
  end(): void {
    if (this.partial.length > 0) throw new Error('COPY output ended inside a row');
  }
}
