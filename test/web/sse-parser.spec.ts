import { SseParser, type SseMessage } from '../../web/src/lib/sse.js';

function parse(...chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = new SseParser((m) => messages.push(m));
  for (const chunk of chunks) parser.push(chunk);
  return messages;
}

describe("the UI's text/event-stream parser", () => {
  it('dispatches a message at the blank line, with its event, data and id', () => {
    expect(
      parse('retry: 5000\n: connected\n\nevent: reading\ndata: {"v":1}\n\nevent: reading\ndata: {"v":2}\nid: 42\n\n'),
    ).toEqual([
      { event: 'reading', data: '{"v":1}', id: null },
      { event: 'reading', data: '{"v":2}', id: '42' },
    ]);
  });

  it('joins messages split anywhere across chunks, and CRLF or CR line ends', () => {
    expect(parse('event: rea', 'ding\r\nda', 'ta: a\r', '\ndata: b\r\rdata:c\n', '\n')).toEqual([
      { event: 'reading', data: 'a\nb', id: null },
      { event: 'message', data: 'c', id: null },
    ]);
  });

  it('ignores comments, unknown fields, messages without data and ids holding NUL', () => {
    expect(parse(': heartbeat\n\nfoo: bar\n\nid: 7\n\ndata: x\nid: a\0b\n\n')).toEqual([
      { event: 'message', data: 'x', id: null },
    ]);
  });
});
