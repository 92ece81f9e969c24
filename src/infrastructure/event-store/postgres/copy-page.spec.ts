import { isoFromCopyTimestamp, parseCopyRow } from './copy-page.js';

describe('COPY row parsing', () => {
  it('turns COPY timestamps into ISO-8601 UTC with milliseconds', () => {
    expect(isoFromCopyTimestamp('2026-01-05 07:30:00.123456')).toBe('2026-01-05T07:30:00.123Z');
    expect(isoFromCopyTimestamp('2026-01-05 07:30:00.1')).toBe('2026-01-05T07:30:00.100Z');
    expect(isoFromCopyTimestamp('2026-01-05 07:30:00')).toBe('2026-01-05T07:30:00.000Z');
  });

  it('undoes COPY escapes in text and JSON fields', () => {
    const line = [
      '0b6c…',
      'odd\\tstream',
      '3',
      '912',
      '77',
      'T\\\\ype',
      '{"a": "x\\\\\\\\y\\\\n"}',
      '{}',
      '2026-01-05 07:30:00.5',
    ].join('\t');
    const event = parseCopyRow(line);
    expect(event).toMatchObject({
      stream: 'odd\tstream',
      type: 'T\\ype',
      revision: 3,
      position: '912:77',
      data: { a: 'x\\y\n' },
    });
    expect(event.recordedAt).toBe('2026-01-05T07:30:00.500Z');
  });

  it('refuses a malformed row', () => {
    expect(() => parseCopyRow('just\ttwo')).toThrow(/malformed event row/);
  });
});
