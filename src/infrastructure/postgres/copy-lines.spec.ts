import { CopyLines } from './copy-lines.js';

function linesOf(chunks: readonly Buffer[]): string[] {
  const lines: string[] = [];
  const splitter = new CopyLines();
  for (const chunk of chunks) splitter.push(chunk, (line) => lines.push(line));
  splitter.end();
  return lines;
}

describe('CopyLines', () => {
  it('answers each row once, whether a chunk holds several rows or a row spans several chunks', () => {
    const text = 'a\tb\nsecond\trow\nthird\n';
    const whole = Buffer.from(text);
    expect(linesOf([whole])).toEqual(['a\tb', 'second\trow', 'third']);
    // Every possible cut into three chunks gives the same rows.
    for (let i = 0; i <= whole.length; i++) {
      for (let j = i; j <= whole.length; j++) {
        expect(linesOf([whole.subarray(0, i), whole.subarray(i, j), whole.subarray(j)])).toEqual([
          'a\tb',
          'second\trow',
          'third',
        ]);
      }
    }
  });

  it('keeps a multi-byte character whole when a chunk boundary falls inside it', () => {
    const bytes = Buffer.from('Überlandwerk €\n');
    const euro = bytes.indexOf(0xe2);
    expect(linesOf([bytes.subarray(0, euro + 1), bytes.subarray(euro + 1)])).toEqual(['Überlandwerk €']);
  });

  it('refuses output that ends inside a row', () => {
    const splitter = new CopyLines();
    splitter.push(Buffer.from('complete\nhalf a r'), () => undefined);
    expect(() => splitter.end()).toThrow(/ended inside a row/);
  });
});
